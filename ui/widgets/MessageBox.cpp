#include "ui/widgets/MessageBox.h"

#include <QList>

namespace {
struct TestHooks
{
    QList<QMessageBox::StandardButton> answers;
    std::function<QMessageBox::StandardButton(const MessageBox::Message&)> handler;
    bool autoAnswerDefault = false;
    MessageBox::Message last;
    int count = 0;
};

TestHooks& hooks()
{
    static TestHooks instance;
    return instance;
}

QMessageBox::Icon iconFor(MessageBox::Kind kind)
{
    switch (kind) {
    case MessageBox::Kind::Question:
        return QMessageBox::Question;
    case MessageBox::Kind::Information:
        return QMessageBox::Information;
    case MessageBox::Kind::Warning:
        return QMessageBox::Warning;
    case MessageBox::Kind::Critical:
        return QMessageBox::Critical;
    }
    return QMessageBox::NoIcon;
}

// The answer a box gives when nobody clicks: its default button, else the "safe" one.
QMessageBox::StandardButton defaultAnswer(const MessageBox::Message& message)
{
    if (message.defaultButton != QMessageBox::NoButton)
        return message.defaultButton;
    for (auto safe : {QMessageBox::Cancel, QMessageBox::No, QMessageBox::Close, QMessageBox::Ok})
        if (message.buttons.testFlag(safe))
            return safe;
    return QMessageBox::NoButton;
}

QMessageBox::StandardButton ask(QWidget* parent, MessageBox::Kind kind, const QString& title,
                                const QString& text, QMessageBox::StandardButtons buttons,
                                QMessageBox::StandardButton defaultButton)
{
    MessageBox::Message message;
    message.kind = kind;
    message.title = title;
    message.text = text;
    message.buttons = buttons;
    message.defaultButton = defaultButton;
    return MessageBox::show(parent, message);
}
} // namespace

QMessageBox::StandardButton MessageBox::show(QWidget* parent, const Message& message)
{
    TestHooks& h = hooks();
    Message shown = message;
    ++h.count;

    if (!h.answers.isEmpty())
        shown.answer = h.answers.takeFirst();
    else if (h.handler)
        shown.answer = h.handler(message);
    else if (h.autoAnswerDefault)
        shown.answer = defaultAnswer(message);
    else {
        QMessageBox box(iconFor(message.kind), message.title, message.text, message.buttons, parent);
        if (message.defaultButton != QMessageBox::NoButton)
            box.setDefaultButton(message.defaultButton);
        if (!message.detailedText.isEmpty())
            box.setDetailedText(message.detailedText);
        box.setTextFormat(Qt::PlainText);
        const int result = box.exec();
        shown.answer = static_cast<QMessageBox::StandardButton>(result);
        if (box.clickedButton() == nullptr)
            shown.answer = defaultAnswer(message);
    }
    h.last = shown;
    return shown.answer;
}

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return ask(parent, Kind::Question, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::information(QWidget* parent, const QString& title,
                                                    const QString& text, QMessageBox::StandardButtons buttons,
                                                    QMessageBox::StandardButton defaultButton)
{
    return ask(parent, Kind::Information, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::warning(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton)
{
    return ask(parent, Kind::Warning, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return ask(parent, Kind::Critical, title, text, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    hooks().answers.append(answer);
}

void MessageBox::setNextAnswers(const QList<QMessageBox::StandardButton>& answers)
{
    hooks().answers.append(answers);
}

int MessageBox::pendingAnswers()
{
    return int(hooks().answers.size());
}

void MessageBox::setAnswerHandler(std::function<QMessageBox::StandardButton(const Message&)> handler)
{
    hooks().handler = std::move(handler);
}

void MessageBox::setAutoAnswerDefault(bool enabled)
{
    hooks().autoAnswerDefault = enabled;
}

void MessageBox::resetForTests()
{
    hooks() = TestHooks{};
}

MessageBox::Message MessageBox::lastMessage()
{
    return hooks().last;
}

int MessageBox::messageCount()
{
    return hooks().count;
}
