#pragma once
// WhatIfThroughput: how fast each run of a what-if comparison was recorded,
// measured live from the two runs (issue 6, lesson 4 uvloop: "both loops'
// throughput measured live and charted"). One horizontal bar per run, its
// length the steps executed per wall-clock second, with the numbers beside
// it: wall time, steps per second and events recorded. The uvloop variant
// records far fewer events, so it gets through more steps per second.

#include "app/gui/run/RunRequest.h"
#include "app/gui/views/ViewStyle.h"

#include <QList>
#include <QString>
#include <QWidget>

namespace coroscope {

class WhatIfThroughput : public QWidget {
    Q_OBJECT
public:
    /// One run's figures.
    struct Row {
        QString label;
        qint64 wallMs = 0;
        std::uint64_t steps = 0;
        std::size_t events = 0;
        /// Steps per wall-clock second; a run faster than 1 ms counts as 1 ms.
        double stepsPerSecond() const;
    };

    explicit WhatIfThroughput(QWidget* parent = nullptr);

    void setViewStyle(const ViewStyle& style);
    /// Shows both runs: the original's row first.
    void setRuns(const QString& originalLabel, const RunResult& original, const QString& variantLabel,
                 const RunResult& variant);
    /// Nothing to show.
    void clear();

    const QList<Row>& rows() const { return m_rows; }
    /// The numbers row `index` shows beside its bar ("12 ms · 3.4 M steps/s · 57 events").
    QString figures(int index) const;
    /// The bar of row `index`, in widget coordinates, as last laid out for the current size.
    QRectF barRect(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// "850", "12.3 k", "4.56 M": a rate in three significant digits.
    static QString rate(double perSecond);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// Width of the label column and of the figures column, for the current rows and font.
    std::pair<int, int> columns() const;
    int rowHeight() const;

    ViewStyle m_style;
    QList<Row> m_rows;
};

} // namespace coroscope
