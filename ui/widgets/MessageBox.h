#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

// Every modal message box in Tsunagi goes through here, so that tests can preset the answers and
// never block on a box nobody will click.
//
// In tests: MessageBox::setNextAnswer(QMessageBox::Yes) (or several, queued) before the code
// that asks. While answers are queued (or an answer handler is set), no box is shown: the next
// queued answer is returned and the box's title/text are recorded in lastMessage(). With
// setAutoAnswerDefault(true) (a safety net for GUI tests) an unexpected box answers with its
// default button instead of blocking.
class MessageBox final
{
public:
    enum class Kind
    {
        Question,
        Information,
        Warning,
        Critical
    };

    struct Message
    {
        Kind kind = Kind::Information;
        QString title;
        QString text;
        QString detailedText;
        QMessageBox::StandardButtons buttons;
        QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
        QMessageBox::StandardButton answer = QMessageBox::NoButton;
    };

    // Asks a question; Yes/No by default. Returns the button pressed (Cancel/No/Escape if closed).
    static QMessageBox::StandardButton
    question(QWidget* parent, const QString& title, const QString& text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton
    information(QWidget* parent, const QString& title, const QString& text,
                QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton
    warning(QWidget* parent, const QString& title, const QString& text,
            QMessageBox::StandardButtons buttons = QMessageBox::Ok,
            QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton
    critical(QWidget* parent, const QString& title, const QString& text,
             QMessageBox::StandardButtons buttons = QMessageBox::Ok,
             QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    // The general form: a detailed text (technical details) shown under "Show Details…".
    static QMessageBox::StandardButton show(QWidget* parent, const Message& message);

    // --- for tests ---
    static void setNextAnswer(QMessageBox::StandardButton answer); // appends to the queue
    static void setNextAnswers(const QList<QMessageBox::StandardButton>& answers);
    static int pendingAnswers();
    // Called for every box while set (instead of showing it); returns the answer.
    static void setAnswerHandler(std::function<QMessageBox::StandardButton(const Message&)> handler);
    // When nothing is queued, answer with the box's default button (or its first/"reject" button).
    static void setAutoAnswerDefault(bool enabled);
    // Clears the queue, handler, auto-answer, and the record of shown messages.
    static void resetForTests();
    static Message lastMessage();
    static int messageCount(); // boxes asked for since the last reset
};
