#include "ui/diagnosis/ErrorDialog.h"

#include "core/Translations.h"
#include "diagnosis/Classifier.h"
#include "diagnosis/ErrorCatalogue.h"

#include "TestPki.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

// The error dialog, offscreen: the detected cause is shown apart from the others, the language
// toggle swaps every text at once, actions carry what the owner window needs, and "Copy for
// support" puts both languages on the clipboard without secrets.
class TestErrorDialog final : public QObject
{
    Q_OBJECT

private:
    static QSslCertificate leafFor(const QStringList& names)
    {
        TestPki::CertificateOptions options;
        options.commonName = names.value(0);
        options.dnsNames = names;
        return TestPki::makeSelfSigned(options).certificate();
    }

    // A name mismatch: the user typed a short alias, the certificate has the full name.
    static void mismatch(Diagnosis* diagnosis, ConnectionRecord* record)
    {
        const QSslCertificate leaf = leafFor({QStringLiteral("myhost.domain.example")});
        record->typedHost = QStringLiteral("myhost");
        record->port = 992;
        record->tcpConnected = true;
        record->stageReached = ConnectionStage::Handshake;
        record->socketError = QAbstractSocket::SslHandshakeFailedError;
        record->socketErrorString =
            QStringLiteral("The host name did not match any of the valid hosts for this certificate");
        record->sslErrors << QSslError(QSslError::HostNameMismatch, leaf);
        record->peerChain << leaf;
        *diagnosis = Classifier::classify(*record, {});
    }

    static QStringList visibleTexts(const QWidget* root)
    {
        QStringList texts{root->windowTitle()};
        for (const QLabel* label : root->findChildren<QLabel*>()) {
            if (label->isVisibleTo(root) && !label->text().isEmpty())
                texts << label->objectName() + QLatin1Char('=') + label->text();
        }
        for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
            if (button->isVisibleTo(root) && !button->text().isEmpty())
                texts << button->objectName() + QLatin1Char('=') + button->text();
        }
        if (auto* details = root->findChild<QPlainTextEdit*>(QStringLiteral("details")))
            texts << QStringLiteral("details=") + details->toPlainText();
        return texts;
    }

private slots:
    void initTestCase() { Translations::instance().setLanguage(QStringLiteral("en")); }

    void showsDetectedCauseApart()
    {
        Diagnosis diagnosis;
        ConnectionRecord record;
        mismatch(&diagnosis, &record);
        QCOMPARE(diagnosis.causeId, QStringLiteral("short-name-used"));
        ErrorDialog dialog(diagnosis, record);
        const ErrorCatalogue::Entry* entry =
            ErrorCatalogue::find(QStringLiteral("certificate-hostname-mismatch"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("title"))->text(),
                 entry->titleText(QStringLiteral("en")));
        auto* detected = dialog.findChild<QLabel*>(QStringLiteral("detectedCause"));
        QVERIFY(detected->isVisibleTo(&dialog));
        QCOMPARE(detected->text(),
                 entry->cause(QStringLiteral("short-name-used"))->causeText(QStringLiteral("en")));
        const QString others = dialog.findChild<QLabel*>(QStringLiteral("otherCauses"))->text();
        QVERIFY(others.contains(
            entry->cause(QStringLiteral("ip-address-used"))->causeText(QStringLiteral("en"))));
        QVERIFY(!others.contains(detected->text()));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("otherHeading"))->text(),
                 QStringLiteral("Other possible causes"));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("steps"))->text().startsWith(QLatin1String("1. ")));

        // Technical details are collapsed until asked for, and name the chain with its fingerprint.
        auto* details = dialog.findChild<QPlainTextEdit*>(QStringLiteral("details"));
        QVERIFY(!details->isVisibleTo(&dialog));
        dialog.findChild<QToolButton*>(QStringLiteral("detailsToggle"))->click();
        QVERIFY(details->isVisibleTo(&dialog));
        QVERIFY(details->toPlainText().contains(QLatin1String("SHA-256")));
        QVERIFY(details->toPlainText().contains(QLatin1String("myhost.domain.example")));
        QVERIFY(details->toPlainText().contains(QLatin1String("tls-handshake")));
    }

    void languageToggleSwapsEveryText()
    {
        Diagnosis diagnosis;
        ConnectionRecord record;
        mismatch(&diagnosis, &record);
        ErrorDialog dialog(diagnosis, record);
        QCOMPARE(dialog.language(), QStringLiteral("en"));
        dialog.findChild<QToolButton*>(QStringLiteral("detailsToggle"))->click();
        dialog.findChild<QPushButton*>(QStringLiteral("trustCertificate"))->click();
        const QStringList english = visibleTexts(&dialog);

        QSignalSpy languageSpy(&dialog, &ErrorDialog::languageChanged);
        dialog.findChild<QPushButton*>(QStringLiteral("languageToggle"))->click();
        QCOMPARE(languageSpy.count(), 1);
        QCOMPARE(dialog.language(), QStringLiteral("ja"));
        const QStringList japanese = visibleTexts(&dialog);
        QCOMPARE(japanese.size(), english.size());
        for (int i = 0; i < english.size(); ++i)
            QVERIFY2(english.at(i) != japanese.at(i),
                     qPrintable(QStringLiteral("not translated: ") + english.at(i)));
        // Japanese texts really are Japanese (a kana or kanji in each sentence-like text).
        const QString title = dialog.findChild<QLabel*>(QStringLiteral("title"))->text();
        QVERIFY2(
            title.contains(QRegularExpression(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"))),
            qPrintable(title));
        QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("languageToggle"))->text(),
                 QStringLiteral("English"));
        // The application's language is untouched.
        QCOMPARE(Translations::instance().language(), QStringLiteral("en"));

        dialog.toggleLanguage();
        QCOMPARE(visibleTexts(&dialog), english);
    }

    void connectInsteadCarriesTheFullName()
    {
        Diagnosis diagnosis;
        ConnectionRecord record;
        mismatch(&diagnosis, &record);
        ErrorDialog dialog(diagnosis, record);
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("connectInstead"));
        QVERIFY(button->isVisibleTo(&dialog));
        QCOMPARE(button->text(), QStringLiteral("Connect to myhost.domain.example instead"));
        QSignalSpy spy(&dialog, &ErrorDialog::connectInsteadRequested);
        button->click();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("myhost.domain.example"));
        // The profile setting (host name) goes to the profile editor, not Security Properties.
        QVERIFY(
            !dialog.findChild<QPushButton*>(QStringLiteral("openSecurityProperties"))->isVisibleTo(&dialog));
        // "Edit Profile" only appears where the owner window handles it.
        auto* editProfile = dialog.findChild<QPushButton*>(QStringLiteral("editProfile"));
        QVERIFY(!editProfile->isVisibleTo(&dialog));
        QSignalSpy edit(&dialog, &ErrorDialog::editProfileRequested);
        QTRY_VERIFY(editProfile->isVisibleTo(&dialog));
        editProfile->click();
        QCOMPARE(edit.at(0).at(0).toString(), QStringLiteral("profile/host"));
    }

    void trustShowsTheFingerprintFirst()
    {
        Diagnosis diagnosis;
        ConnectionRecord record;
        mismatch(&diagnosis, &record);
        ErrorDialog dialog(diagnosis, record);
        QSignalSpy trust(&dialog, &ErrorDialog::trustCertificateRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("trustCertificate"))->click();
        QCOMPARE(trust.count(), 0); // not yet: the fingerprint is shown first
        auto* fingerprint = dialog.findChild<QLabel*>(QStringLiteral("trustFingerprint"));
        QVERIFY(fingerprint->isVisibleTo(&dialog));
        const QString sha = QString::fromLatin1(
            record.peerChain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        QVERIFY(fingerprint->text().contains(sha));
        dialog.findChild<QPushButton*>(QStringLiteral("trustConfirm"))->click();
        QCOMPARE(trust.count(), 1);
        QCOMPARE(trust.at(0).at(0).value<QSslCertificate>(), record.peerChain.first());

        QSignalSpy view(&dialog, &ErrorDialog::viewCertificateRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("viewCertificate"))->click();
        QCOMPARE(view.count(), 1);
    }

    void revokedCertificateIsNeverOfferedForTrust()
    {
        const QSslCertificate leaf = leafFor({QStringLiteral("host.example")});
        ConnectionRecord record;
        record.typedHost = QStringLiteral("host.example");
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Handshake;
        record.socketError = QAbstractSocket::SslHandshakeFailedError;
        record.sslErrors << QSslError(QSslError::CertificateRevoked, leaf);
        record.peerChain << leaf;
        Diagnosis diagnosis = Classifier::classify(record, {});
        QCOMPARE(diagnosis.causeId, QStringLiteral("revoked"));
        ErrorDialog dialog(diagnosis, record);
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("trustCertificate"))->isVisibleTo(&dialog));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("viewCertificate"))->isVisibleTo(&dialog));
        // An expired one may be trusted for this profile, after the fingerprint.
        record.sslErrors = {QSslError(QSslError::CertificateExpired, leaf)};
        diagnosis = Classifier::classify(record, {});
        dialog.setResult(diagnosis, record);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("trustCertificate"))->isVisibleTo(&dialog));
    }

    void actionsFollowTheEntry()
    {
        // A handshake failure fixed by a setting: Security Properties at that setting; no
        // certificate actions, no "connect instead".
        ConnectionRecord record;
        record.typedHost = QStringLiteral("host.example");
        record.port = 992;
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Handshake;
        record.socketError = QAbstractSocket::SslHandshakeFailedError;
        record.alertsReceived << TlsAlertRecord{2, 70, QStringLiteral("protocol version")};
        const Diagnosis diagnosis = Classifier::classify(record, {});
        ErrorDialog dialog(diagnosis, record);
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("connectInstead"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("trustCertificate"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("viewCertificate"))->isVisibleTo(&dialog));
        QSignalSpy open(&dialog, &ErrorDialog::openSecurityPropertiesRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("openSecurityProperties"))->click();
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("ssl-tls/tls-version"));
        QSignalSpy retry(&dialog, &ErrorDialog::retryRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("retry"))->click();
        QCOMPARE(retry.count(), 1);
    }

    void undeterminedCauseListsAllAsPossible()
    {
        ConnectionRecord record;
        record.typedHost = QStringLiteral("host.example");
        record.port = 992;
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Handshake;
        record.socketError = QAbstractSocket::SslHandshakeFailedError;
        record.alertsReceived << TlsAlertRecord{2, 40, QStringLiteral("handshake failure")};
        const Diagnosis diagnosis = Classifier::classify(record, {});
        QCOMPARE(diagnosis.entryId, QStringLiteral("handshake-failed"));
        QVERIFY(diagnosis.causeId.isEmpty());
        ErrorDialog dialog(diagnosis, record);
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("detectedCause"))->isVisibleTo(&dialog));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("otherHeading"))->text(),
                 QStringLiteral("Possible causes"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("otherCauses"))->text().count(QStringLiteral("• ")),
                 5);
        dialog.setLanguage(QStringLiteral("ja"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("otherHeading"))->text(),
                 QStringLiteral("考えられる原因"));
    }

    void copyForSupportHasBothLanguagesAndNoSecret()
    {
        ConnectionRecord record;
        record.typedHost = QStringLiteral("host.example");
        record.port = 992;
        record.viaProxy = true;
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Proxy;
        record.proxyStatus = 403;
        record.proxyTokenSent = true;
        // A proxy that echoes the token back must not leak it into the report.
        record.proxyReplyHead = "HTTP/1.1 403 Forbidden\r\nX-Echo: Bearer s3cr3t-t0ken\r\n";
        const Diagnosis diagnosis = Classifier::classify(record, {});
        QCOMPARE(diagnosis.entryId, QStringLiteral("proxy-token-invalid"));
        ErrorDialog dialog(diagnosis, record);
        dialog.findChild<QPushButton*>(QStringLiteral("copyForSupport"))->click();
        const QString copied = QApplication::clipboard()->text();
        const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(diagnosis.entryId);
        QVERIFY(copied.contains(entry->titleText(QStringLiteral("en"))));
        QVERIFY(copied.contains(entry->titleText(QStringLiteral("ja"))));
        QVERIFY(entry->titleText(QStringLiteral("en")) != entry->titleText(QStringLiteral("ja")));
        QVERIFY(copied.contains(QLatin1String("proxy-token-invalid")));
        QVERIFY(copied.contains(QLatin1String("403")));
        QVERIFY2(!copied.contains(QLatin1String("s3cr3t")), qPrintable(copied));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("copyStatus"))->isVisibleTo(&dialog));
        // Technical details in both languages.
        QVERIFY(copied.contains(QLatin1String("Technical details:")));
        QVERIFY(copied.contains(QStringLiteral("技術的な詳細:")));
        QVERIFY(copied.contains(QLatin1String("proxy replied 403")));
    }
};

QTEST_MAIN(TestErrorDialog)
#include "TestErrorDialog.moc"
