#pragma once

#include <QString>

namespace TestEnvironment {
// A fresh, empty folder under the test's scratch folder (TSUNAGI_TEST_SCRATCH, set by CTest).
QString freshDir(const QString& name);
// A TCP port on 127.0.0.1 that was free a moment ago (for third-party servers given a port).
quint16 freeLoopbackPort();
// Source tree path of a committed test fixture: tests/<relative>.
QString sourcePath(const QString& relative);
} // namespace TestEnvironment
