#pragma once

// The tests' certificate generator is the demo lab's (app/demo/DemoPki.h), under the name the
// tests have always used: TestPki::makeCa(), TestPki::issue(), TestPki::Credential, ...
#include "demo/DemoPki.h"

namespace TestPki = DemoPki;
