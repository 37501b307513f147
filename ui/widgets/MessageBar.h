#pragma once

#include <QFrame>
#include <QList>
#include <QString>
#include <QStyle>

#include <functional>

class QAction;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

// A non-modal message shown inline above or below content (like KDE's KMessageWidget): an icon,
// a text (plain or rich with links), optional action buttons and a close button. Use it for
// anything the user may read at leisure; modal boxes are for questions (MessageBox).
//
//   bar->showMessage(tr("The profile list could not be read."), MessageBar::Type::Error);
//   bar->addActionButton(tr("Start with an empty list"), [this] { … });
//
// The bar hides itself when closed; clearActions() (or a new showMessage()) removes old buttons.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Type
    {
        Information,
        Positive,
        Warning,
        Error
    };

    explicit MessageBar(QWidget* parent = nullptr);
    ~MessageBar() override;

    // Sets text and type, removes previous action buttons, and shows the bar.
    void showMessage(const QString& text, Type type = Type::Information);
    void setText(const QString& text);
    QString text() const;
    void setType(Type type);
    Type type() const { return m_type; }

    // A button that triggers the action; the bar does not own the action.
    QPushButton* addAction(QAction* action);
    // A button that runs callback when clicked (and closes the bar when closeOnClick).
    QPushButton* addActionButton(const QString& text, std::function<void()> callback,
                                 bool closeOnClick = true);
    void clearActions();
    QList<QPushButton*> actionButtons() const { return m_buttons; }

    void setCloseButtonVisible(bool visible);
    bool isCloseButtonVisible() const;

public slots:
    // Hides the bar and emits closed().
    void closeMessage();

signals:
    void closed();
    void linkActivated(const QString& link);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateStyle();
    void updateIcons();

    Type m_type = Type::Information;
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttonLayout = nullptr;
    QToolButton* m_close = nullptr;
    QList<QPushButton*> m_buttons;
    QStyle::StandardPixmap m_iconShown = QStyle::SP_MessageBoxInformation; // for m_type
    QStyle::StandardPixmap m_iconTaken = QStyle::SP_CustomBase;            // none yet
};
