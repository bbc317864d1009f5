#pragma once
// WhatIfChart: the two timelines of a what-if comparison, one above the
// other on one time scale. Each block has a row per task (rows line up:
// the same task is on the same row in both blocks), bars coloured by
// activity as in the main timeline, and every stretch where the task does
// something else in the other run outlined in the "differs" colour. Each
// block marks where its run ends; the variant's also marks where the
// original ended, so a moved end reads as an arrow. A cursor steps through
// the comparison: click to place it, Left/Right to go to the previous/next
// change, Home/End.
//
// The geometry is computed by layoutFor() apart from painting, so tests
// read what the chart shows without pixels.

#include "app/gui/views/ViewStyle.h"
#include "app/gui/whatif/WhatIfResult.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace coroscope {

class WhatIfChart : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QRectF rect;
        Activity activity = Activity::Running;
    };
    struct Row {
        std::size_t lane = 0;      ///< index into the diff's lanes()
        TaskId task = 0;           ///< its id in this block's run
        QRectF rect;               ///< the whole row, label included
        QRectF label;
        QString text;              ///< the task's name
        bool present = false;      ///< the task exists in this block's run
        bool differs = false;      ///< LaneDiff::differs()
        std::vector<Bar> bars;
        std::vector<QRectF> changes; ///< stretches that differ from the other run
    };
    struct Block {
        QString title;             ///< "original", or the what-if's label
        QString endText;           ///< "ends at 4.000 s"
        QRectF header;
        QRectF body;               ///< the rows
        std::vector<Row> rows;
        qreal endX = 0;            ///< where its run ends
        qreal otherEndX = -1;      ///< variant block: where the original ended, when it differs
        QString deltaText;         ///< variant block: "+2.000 s", empty when the ends agree
    };
    struct Tick {
        qreal x = 0;
        QString label;
    };
    struct Layout {
        QRectF ruler;
        qreal plotLeft = 0;        ///< x of time 0
        qreal plotRight = 0;       ///< x of the later run's end
        Nanos horizon = 1;         ///< the time at plotRight
        std::vector<Tick> ticks;
        Block blocks[2];           ///< original, then the variant
        int hiddenLanes = 0;       ///< lanes left out for lack of room (unchanged ones first)
        qreal cursorX = -1;        ///< -1: no cursor
        qreal playheadX = -1;      ///< -1: the window's playhead is not shown
        QRectF legend;
    };

    explicit WhatIfChart(QWidget* parent = nullptr);

    void setViewStyle(const ViewStyle& style);
    const ViewStyle& viewStyle() const { return m_style; }

    /// Shows a comparison; the labels name the blocks. Null clears the chart.
    void setResult(std::shared_ptr<const WhatIfResult> result, const QString& originalLabel,
                   const QString& variantLabel);
    const WhatIfResult* result() const { return m_result.get(); }
    QString originalLabel() const { return m_labels[0]; }
    QString variantLabel() const { return m_labels[1]; }

    /// The cursor's time; -1 when there is none.
    Nanos cursor() const { return m_cursor; }
    void setCursor(Nanos time);
    /// Moves the cursor to the next (or previous) boundary of a change; false at the end.
    bool stepCursor(bool forward);
    /// The main window's playhead, on the original's block when the window
    /// plays the original program; -1 hides it.
    void setPlayheadTime(Nanos time);
    Nanos playheadTime() const { return m_playhead; }

    Layout layoutFor(QSizeF size) const;
    void render(QPainter& painter, QSize size) const;
    QColor differsColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cursorChanged(coroscope::Nanos time);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void paintBlock(QPainter& p, const Layout& l, const Block& block) const;
    std::vector<std::size_t> shownLanes(int capacity, int* hidden) const;

    ViewStyle m_style;
    std::shared_ptr<const WhatIfResult> m_result;
    QString m_labels[2];
    Nanos m_cursor = -1;
    Nanos m_playhead = -1;
};

} // namespace coroscope
