#pragma once

#include <QString>

// What went wrong in the profiles area, as a value: a code the UI can switch on, a translated
// message it can show as is, and the technical detail (file, position) for "technical details".
struct ProfileError
{
    enum class Code
    {
        None,
        NotFound,          // no such profile or folder
        Ambiguous,         // a plain name that more than one profile has
        InvalidName,       // empty, or contains '/'
        DuplicateName,     // a profile of that name already exists in that folder
        FolderExists,      // the target folder already exists
        InvalidMove,       // a folder into itself or one of its sub-folders
        StoreUnreadable,   // the store exists but cannot be read (permissions, not a file)
        StoreParseError,   // not valid JSON (truncated, garbage): line/column/offset set
        StoreWrongType,    // valid JSON with a value of the wrong type or out of range: jsonPath set
        StoreNewerVersion, // written by a newer Tsunagi; read-only so nothing of it is lost
        StoreDamaged,      // saving refused: the store could not be loaded and the user has not
                           // chosen to start with an empty list
        WriteFailed,       // the file could not be written (disk full, permissions)
        ImportFailed,      // an import file that cannot be read or is not an export/PuTTY file
    };

    Code code = Code::None;
    QString message; // translated, one or two sentences, names the file where there is one
    QString file;
    QString detail;     // technical: the parser's words, the expected type, errno text
    qint64 offset = -1; // byte offset in the file, for parse errors
    int line = 0;       // 1-based, for parse errors
    int column = 0;     // 1-based, for parse errors
    QString jsonPath;   // "profiles[2].port", for wrong types
    QString backupFile; // the copy of a damaged store that was kept

    bool ok() const { return code == Code::None; }
    explicit operator bool() const = delete; // say ok() so the meaning is never inverted by accident
};
