#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

// The application's languages. Tsunagi ships English (the source language) and Japanese.
//
// Two uses:
//  - setLanguage() installs the translators for the whole application (Tsunagi's own and Qt's
//    qtbase_*), so every tr() follows; languageChanged() lets windows re-translate at run time.
//  - translate() answers in a given language without touching the application's language:
//    the error dialog's own language toggle, `--diagnose --lang`, and "Copy for support".
class Translations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Translations)

public:
    static Translations& instance();

    static QStringList availableLanguages(); // {"en", "ja"}
    // "ja" when the system locale is Japanese, otherwise "en".
    static QString systemLanguage();
    // "ja" or "en" for anything that names one ("ja_JP.UTF-8", "JA", "en-GB"), empty otherwise.
    static QString normalize(const QString& language);
    // The language's own name, for menus: "English", "日本語".
    static QString nativeName(const QString& language);

    QString language() const { return m_language; }
    bool setLanguage(const QString& language);

    QString translate(const QString& language, const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const;

signals:
    void languageChanged(const QString& language);

private:
    Translations();
    ~Translations() override;
    QTranslator* translatorFor(const QString& language) const;

    QString m_language;
    mutable std::vector<std::pair<QString, std::unique_ptr<QTranslator>>> m_lookupTranslators;
    std::vector<std::unique_ptr<QTranslator>> m_installed;
};
