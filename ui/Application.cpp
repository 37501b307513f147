#include "ui/Application.h"

#include <QApplication>
#include <QMainWindow>

int runGuiApplication(int argc, char** argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.show();
    return app.exec();
}
