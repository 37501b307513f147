#pragma once

#include <QString>
#include <QStringList>

// The classifier's verdict on one connection attempt: a catalogue entry and, where it could be
// told, the one cause that happened, plus the evidence that led there.
struct Diagnosis
{
    QString entryId;            // empty when the connection succeeded
    QString causeId;            // empty when the cause could not be told apart
    QStringList suggestedHosts; // names to connect to instead (IP or short name typed)
    QStringList evidence;       // technical lines for "technical details" (not translated)

    bool ok() const { return entryId.isEmpty(); }
    // The FixSetting id that fixes it (cause's when it has one), empty when none.
    QString fixSetting() const;
};
