#include "TestPki.h"

#include "ui/security/CertificateViewerDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QTest>

// The certificate viewer shows each certificate of a chain: subject, issuer, validity,
// SHA-256 fingerprint and alternative names.
class TestCertificateViewerDialog final : public QObject
{
    Q_OBJECT

private slots:
    void showsTheChain();
    void marksExpiredAndSelfSigned();
    void emptyChainShowsNothing();
};

void TestCertificateViewerDialog::showsTheChain()
{
    const TestPki::Credential ca = TestPki::makeCa(QStringLiteral("Viewer Root CA"));
    TestPki::CertificateOptions options;
    options.commonName = QStringLiteral("host.example");
    options.dnsNames = {QStringLiteral("host.example"), QStringLiteral("alt.example")};
    options.ipAddresses = {QStringLiteral("127.0.0.1")};
    const TestPki::Credential leaf = TestPki::issue(ca, options);

    CertificateViewerDialog viewer({leaf.certificate(), ca.certificate()});
    auto* list = viewer.findChild<QListWidget*>(QStringLiteral("chainList"));
    QCOMPARE(list->count(), 2);
    QCOMPARE(viewer.selectedIndex(), 0);
    QVERIFY2(viewer.subjectText().contains(QStringLiteral("CN=host.example")),
             qPrintable(viewer.subjectText()));
    QVERIFY(viewer.issuerText().contains(QStringLiteral("CN=Viewer Root CA")));
    QCOMPARE(viewer.fingerprintText(), QString::fromLatin1(leaf.sha256().toHex(':').toUpper()));
    const QString names = viewer.alternativeNamesText();
    QVERIFY2(names.contains(QStringLiteral("DNS: host.example")), qPrintable(names));
    QVERIFY(names.contains(QStringLiteral("DNS: alt.example")));
    QVERIFY2(names.contains(QStringLiteral("IP: 127.0.0.1")), qPrintable(names));

    viewer.selectCertificate(1);
    QVERIFY(viewer.subjectText().contains(QStringLiteral("CN=Viewer Root CA")));
    QCOMPARE(viewer.fingerprintText(), QString::fromLatin1(ca.sha256().toHex(':').toUpper()));
    QVERIFY(list->item(1)->text().contains(QStringLiteral("self-signed")));
    QVERIFY(!list->item(0)->text().contains(QStringLiteral("self-signed")));
}

void TestCertificateViewerDialog::marksExpiredAndSelfSigned()
{
    TestPki::CertificateOptions options;
    options.commonName = QStringLiteral("old.example");
    options.notBeforeOffsetSecs = -10 * 24 * 3600;
    options.notAfterOffsetSecs = -24 * 3600;
    const TestPki::Credential expired = TestPki::makeSelfSigned(options);
    CertificateViewerDialog viewer({expired.certificate()});
    bool sawExpired = false;
    for (QLabel* label : viewer.findChildren<QLabel*>())
        sawExpired = sawExpired || label->text().contains(QStringLiteral("(expired)"));
    QVERIFY(sawExpired);
    QVERIFY(viewer.findChild<QListWidget*>()->item(0)->text().contains(QStringLiteral("self-signed")));
    QCOMPARE(viewer.alternativeNamesText(), QStringLiteral("(none)"));
}

void TestCertificateViewerDialog::emptyChainShowsNothing()
{
    CertificateViewerDialog viewer({});
    QCOMPARE(viewer.selectedIndex(), -1);
    QVERIFY(viewer.fingerprintText().isEmpty());
}

QTEST_MAIN(TestCertificateViewerDialog)
#include "TestCertificateViewerDialog.moc"
