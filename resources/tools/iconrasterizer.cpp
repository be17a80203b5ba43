// Build-time tool: renders the application's SVG icon to PNG files of the sizes desktops look
// for in the hicolor theme (panels and menus that do not read SVG), with Qt's own SVG renderer,
// so the PNGs always match the SVG they come from.
//
// Usage: iconrasterizer <icon.svg> <output-folder> <size>...
// Writes <output-folder>/<size>x<size>/apps/clusterplan.png for each size.

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: iconrasterizer <icon.svg> <output-folder> <size>...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "iconrasterizer: %s is not a valid SVG file\n", qPrintable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            std::fprintf(stderr, "iconrasterizer: '%s' is not an icon size from 1 to 1024\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter);
        }
        const QString folder = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        const QString file = folder + QStringLiteral("/clusterplan.png");
        if (!QDir().mkpath(folder) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "iconrasterizer: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
