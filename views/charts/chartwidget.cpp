#include "charts/chartwidget.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPaintDevice>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>

namespace cp::views {

namespace {

constexpr double kLayoutDpi = 96.0;
constexpr double kShortestSpanMonths = 3.0;

} // namespace

ChartWidget::ChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus); // keyboard zoom and pan
}

void ChartWidget::render(QPainter &painter, const QRectF &target)
{
    const QPaintDevice *device = painter.device();
    const double dpi = device ? device->logicalDpiX() : kLayoutDpi;
    const double scale = dpi > 0 ? dpi / kLayoutDpi : 1.0;
    render(painter, target, target.size() / scale);
}

void ChartWidget::render(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    if (target.isEmpty() || layoutSize.isEmpty())
        return;
    painter.save();
    renderChart(painter, target, layoutSize);
    painter.restore();
}

QSizeF ChartWidget::preferredRenderSize(double width) const
{
    return {width, width * 0.56};
}

bool ChartWidget::exportPng(const QString &path, const QSize &logicalSize, qreal scale)
{
    QImage image((QSizeF(logicalSize) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        render(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), QSizeF(logicalSize));
    }
    return image.save(path, "PNG");
}

bool ChartWidget::exportSvg(const QString &path, const QSize &size)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(static_cast<int>(kLayoutDpi));
    generator.setTitle(title());
    generator.setDescription(tr("ClusterPlan chart"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    render(painter, QRectF(QPointF(0, 0), QSizeF(size)), QSizeF(size));
    return painter.end();
}

bool ChartWidget::exportFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return exportPng(path);
    if (suffix == QLatin1String("svg"))
        return exportSvg(path);
    return false;
}

void ChartWidget::exportWithDialog()
{
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), title() + QStringLiteral(".png"),
                                                tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        path += selectedFilter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (!exportFile(path))
        QMessageBox::warning(this, tr("Export chart"),
                             tr("Could not write '%1'. Check that the folder exists and is writable, then try again.").arg(path));
}

void ChartWidget::setFullRange(double first, double last)
{
    m_fullFirst = first;
    m_fullLast = std::max(last, first + 1.0);
    m_visibleFirst = m_fullFirst;
    m_visibleLast = m_fullLast;
    applyVisibleRange();
    emit visibleRangeChanged(m_visibleFirst, m_visibleLast);
}

void ChartWidget::setVisibleRange(double first, double last)
{
    const double fullSpan = m_fullLast - m_fullFirst;
    double span = std::clamp(last - first, std::min(kShortestSpanMonths, fullSpan), fullSpan);
    first = std::clamp(first, m_fullFirst, m_fullLast - span);
    if (first == m_visibleFirst && first + span == m_visibleLast)
        return;
    m_visibleFirst = first;
    m_visibleLast = first + span;
    applyVisibleRange();
    emit visibleRangeChanged(m_visibleFirst, m_visibleLast);
}

void ChartWidget::zoom(double factor, double anchor)
{
    if (!(factor > 0))
        return;
    const double first = anchor - (anchor - m_visibleFirst) / factor;
    const double last = anchor + (m_visibleLast - anchor) / factor;
    setVisibleRange(first, last);
}

void ChartWidget::pan(double months)
{
    setVisibleRange(m_visibleFirst + months, m_visibleLast + months);
}

void ChartWidget::resetZoom()
{
    setVisibleRange(m_fullFirst, m_fullLast);
}

bool ChartWidget::handleNavigationKey(QKeyEvent *event)
{
    const double span = m_visibleLast - m_visibleFirst;
    const double middle = (m_visibleFirst + m_visibleLast) / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(1.5, middle);
        return true;
    case Qt::Key_Minus:
        zoom(1 / 1.5, middle);
        return true;
    case Qt::Key_Left:
        pan(-span / 4);
        return true;
    case Qt::Key_Right:
        pan(span / 4);
        return true;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        return true;
    default:
        return false;
    }
}

void ChartWidget::keyPressEvent(QKeyEvent *event)
{
    if (handleNavigationKey(event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

void ChartWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export as PNG or SVG…"), this, &ChartWidget::exportWithDialog);
    QAction *reset = menu.addAction(tr("Reset zoom"), this, &ChartWidget::resetZoom);
    reset->setEnabled(m_visibleFirst != m_fullFirst || m_visibleLast != m_fullLast);
    menu.exec(event->globalPos());
}

} // namespace cp::views
