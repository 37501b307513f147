#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestMessageBox final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { MessageBox::resetForTests(); }
    void queuedAnswersAreReturnedInOrder();
    void handlerAnswersAndSeesTheMessage();
    void autoAnswerUsesTheDefaultButton();
    void messageBarShowsTextAndActions();
    void messageBarTakesItsIconsWhenShown();
};

void TestMessageBox::queuedAnswersAreReturnedInOrder()
{
    MessageBox::setNextAnswers({QMessageBox::Yes, QMessageBox::No});
    QCOMPARE(MessageBox::pendingAnswers(), 2);
    QCOMPARE(MessageBox::question(nullptr, QStringLiteral("T"), QStringLiteral("first?")), QMessageBox::Yes);
    QCOMPARE(MessageBox::lastMessage().text, QStringLiteral("first?"));
    QCOMPARE(MessageBox::lastMessage().kind, MessageBox::Kind::Question);
    QCOMPARE(MessageBox::warning(nullptr, QStringLiteral("T"), QStringLiteral("second"),
                                 QMessageBox::Yes | QMessageBox::No),
             QMessageBox::No);
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QCOMPARE(MessageBox::messageCount(), 2);
}

void TestMessageBox::handlerAnswersAndSeesTheMessage()
{
    QString seen;
    MessageBox::setAnswerHandler([&seen](const MessageBox::Message& message) {
        seen = message.title;
        return message.kind == MessageBox::Kind::Critical ? QMessageBox::Retry : QMessageBox::Ok;
    });
    QCOMPARE(MessageBox::critical(nullptr, QStringLiteral("Broken"), QStringLiteral("x"),
                                  QMessageBox::Retry | QMessageBox::Cancel),
             QMessageBox::Retry);
    QCOMPARE(seen, QStringLiteral("Broken"));
    QCOMPARE(MessageBox::information(nullptr, QStringLiteral("Info"), QStringLiteral("y")), QMessageBox::Ok);
}

void TestMessageBox::autoAnswerUsesTheDefaultButton()
{
    MessageBox::setAutoAnswerDefault(true);
    QCOMPARE(MessageBox::question(nullptr, QStringLiteral("T"), QStringLiteral("?"),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes),
             QMessageBox::Yes);
    // No default given: the safe answer.
    QCOMPARE(MessageBox::question(nullptr, QStringLiteral("T"), QStringLiteral("?")), QMessageBox::No);
    QCOMPARE(MessageBox::question(nullptr, QStringLiteral("T"), QStringLiteral("?"),
                                  QMessageBox::Ok | QMessageBox::Cancel),
             QMessageBox::Cancel);
}

void TestMessageBox::messageBarShowsTextAndActions()
{
    QWidget parent;
    auto* bar = new MessageBar(&parent);
    parent.show();
    QVERIFY(!bar->isVisible());

    bool clicked = false;
    bar->showMessage(QStringLiteral("Something happened"), MessageBar::Type::Warning);
    QPushButton* button = bar->addActionButton(QStringLiteral("Fix it"), [&clicked] { clicked = true; });
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("Something happened"));
    QCOMPARE(bar->type(), MessageBar::Type::Warning);
    QCOMPARE(bar->actionButtons().size(), 1);

    QSignalSpy closed(bar, &MessageBar::closed);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(clicked);
    QVERIFY(!bar->isVisible()); // an action closes the bar by default
    QCOMPARE(closed.count(), 1);

    QAction action(QStringLiteral("Act"));
    QSignalSpy triggered(&action, &QAction::triggered);
    bar->showMessage(QStringLiteral("Again"), MessageBar::Type::Error);
    QCOMPARE(bar->actionButtons().size(), 0); // a new message drops the old buttons
    QTest::mouseClick(bar->addAction(&action), Qt::LeftButton);
    QCOMPARE(triggered.count(), 1);
    QVERIFY(bar->isVisible());

    auto* close = bar->findChild<QToolButton*>(QStringLiteral("MessageBarClose"));
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCOMPARE(closed.count(), 2);
}

// A bar is built hidden (before a window's first frame); its icons come from the style when shown.
void TestMessageBox::messageBarTakesItsIconsWhenShown()
{
    QWidget parent;
    auto* bar = new MessageBar(&parent);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    auto* icon = bar->findChild<QLabel*>();
    auto* close = bar->findChild<QToolButton*>(QStringLiteral("MessageBarClose"));
    QVERIFY(icon && close);
    QVERIFY(icon->pixmap().isNull());
    QVERIFY(close->icon().isNull());

    const auto image = [bar](QStyle::StandardPixmap which) {
        const int size = bar->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, bar);
        return bar->style()->standardIcon(which, nullptr, bar).pixmap(size, size).toImage();
    };
    bar->showMessage(QStringLiteral("Careful"), MessageBar::Type::Warning);
    QVERIFY(!close->icon().isNull());
    QCOMPARE(icon->pixmap().toImage(), image(QStyle::SP_MessageBoxWarning));
    bar->setType(MessageBar::Type::Error); // while shown: at once
    QCOMPARE(icon->pixmap().toImage(), image(QStyle::SP_MessageBoxCritical));
    bar->closeMessage();
    bar->setType(MessageBar::Type::Positive); // while hidden: when shown again
    bar->show();
    QCOMPARE(icon->pixmap().toImage(), image(QStyle::SP_DialogApplyButton));
}

QTEST_MAIN(TestMessageBox)
#include "TestMessageBox.moc"
