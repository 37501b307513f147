#include "ui/widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBar::MessageBar(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("MessageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    layout->addWidget(m_icon);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("MessageBarText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_text, &QLabel::linkActivated, this, &MessageBar::linkActivated);
    layout->addWidget(m_text, 1);

    m_buttonLayout = new QHBoxLayout;
    m_buttonLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_buttonLayout);

    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("MessageBarClose"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::closeMessage);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    updateStyle();
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(const QString& text, Type type)
{
    clearActions();
    setText(text);
    setType(type);
    show();
}

void MessageBar::setText(const QString& text)
{
    m_text->setText(text);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::setType(Type type)
{
    m_type = type;
    updateStyle();
}

QPushButton* MessageBar::addAction(QAction* action)
{
    auto* button = new QPushButton(action->text(), this);
    button->setEnabled(action->isEnabled());
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [button, action] {
        button->setText(action->text());
        button->setEnabled(action->isEnabled());
    });
    m_buttonLayout->addWidget(button);
    m_buttons.append(button);
    return button;
}

QPushButton* MessageBar::addActionButton(const QString& text, std::function<void()> callback,
                                         bool closeOnClick)
{
    auto* button = new QPushButton(text, this);
    connect(button, &QPushButton::clicked, this, [this, callback = std::move(callback), closeOnClick] {
        if (closeOnClick)
            closeMessage();
        if (callback)
            callback();
    });
    m_buttonLayout->addWidget(button);
    m_buttons.append(button);
    return button;
}

void MessageBar::clearActions()
{
    for (QPushButton* button : std::as_const(m_buttons))
        button->deleteLater();
    for (QPushButton* button : std::as_const(m_buttons))
        m_buttonLayout->removeWidget(button);
    m_buttons.clear();
}

void MessageBar::setCloseButtonVisible(bool visible)
{
    m_close->setVisible(visible);
}

bool MessageBar::isCloseButtonVisible() const
{
    return !m_close->isHidden();
}

void MessageBar::closeMessage()
{
    hide();
    emit closed();
}

void MessageBar::showEvent(QShowEvent* event)
{
    updateIcons();
    QFrame::showEvent(event);
}

// The icons are taken when the bar is shown: a window builds its bars hidden, before its first
// frame, and the style's icons go through the desktop's icon theme (milliseconds at first).
void MessageBar::updateIcons()
{
    if (m_close->icon().isNull())
        m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    if (m_iconTaken == m_iconShown)
        return;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(m_iconShown, nullptr, this).pixmap(size, size));
    m_iconTaken = m_iconShown;
}

void MessageBar::updateStyle()
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor background;
    switch (m_type) {
    case Type::Information:
        icon = QStyle::SP_MessageBoxInformation;
        background = QColor(0xdd, 0xe9, 0xf7);
        break;
    case Type::Positive:
        icon = QStyle::SP_DialogApplyButton;
        background = QColor(0xdf, 0xf0, 0xd8);
        break;
    case Type::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        background = QColor(0xfc, 0xf0, 0xcf);
        break;
    case Type::Error:
        icon = QStyle::SP_MessageBoxCritical;
        background = QColor(0xf6, 0xd6, 0xd6);
        break;
    }
    m_iconShown = icon;
    if (isVisible())
        updateIcons();
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(palette);
    // The role lets screen readers announce errors and warnings as alerts.
    setAccessibleDescription(m_type == Type::Error || m_type == Type::Warning ? tr("Alert") : QString());
}
