#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

Translations& Translations::instance()
{
    static Translations translations;
    return translations;
}

Translations::Translations() = default;
Translations::~Translations() = default;

QStringList Translations::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ja")};
}

QString Translations::systemLanguage()
{
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

QString Translations::normalize(const QString& language)
{
    const QString code = language.trimmed().left(2).toLower();
    return availableLanguages().contains(code) ? code : QString();
}

QString Translations::nativeName(const QString& language)
{
    return normalize(language) == QLatin1String("ja") ? QStringLiteral("日本語") : QStringLiteral("English");
}

bool Translations::setLanguage(const QString& language)
{
    const QString code = normalize(language);
    if (code.isEmpty())
        return false;

    for (auto& translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
    m_installed.clear();

    auto own = std::make_unique<QTranslator>();
    if (own->load(QStringLiteral(":/i18n/tsunagi_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(own.get());
        m_installed.push_back(std::move(own));
    }
    // Qt's own strings (standard buttons, file dialogs) from the system's Qt translations.
    if (code != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_installed.push_back(std::move(qt));
        }
    }

    const bool changed = code != m_language;
    m_language = code;
    if (changed)
        emit languageChanged(code);
    return true;
}

QTranslator* Translations::translatorFor(const QString& language) const
{
    const QString code = normalize(language);
    for (const auto& [lang, translator] : m_lookupTranslators) {
        if (lang == code)
            return translator.get();
    }
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/tsunagi_%1.qm").arg(code)))
        return nullptr;
    m_lookupTranslators.emplace_back(code, std::move(translator));
    return m_lookupTranslators.back().second.get();
}

QString Translations::translate(const QString& language, const char* context, const char* sourceText,
                                const char* disambiguation, int n) const
{
    QString text;
    if (QTranslator* translator = translatorFor(language))
        text = translator->translate(context, sourceText, disambiguation, n);
    if (text.isEmpty())
        text = QString::fromUtf8(sourceText);
    if (n >= 0)
        text.replace(QLatin1String("%n"), QString::number(n));
    return text;
}
