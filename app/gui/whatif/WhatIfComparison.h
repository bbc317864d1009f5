#pragma once
// WhatIfComparison: the comparison of a lesson program with one of its
// what-ifs (issue 6): the what-if's label and explanation, the differences
// in words (when the run ends, which tasks do something else, which lines of
// output differ), the two timelines one above the other (WhatIfChart), and
// both outputs side by side with the lines only one run printed highlighted.
// It shows what it is given; WhatIfController runs the programs.

#include "app/gui/views/ViewStyle.h"
#include "app/gui/whatif/WhatIfResult.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QToolButton;

namespace coroscope {

class WhatIfChart;
class WhatIfThroughput;

class WhatIfComparison : public QWidget {
    Q_OBJECT
public:
    enum class State : std::uint8_t {
        Empty,   ///< no what-if is on
        Running, ///< both programs are being recorded
        Ready,   ///< the comparison is shown
        Failed,  ///< the what-if could not be made (its edit does not apply)
    };

    explicit WhatIfComparison(QWidget* parent = nullptr);

    void setViewStyle(const ViewStyle& style);

    /// The what-if `label` is being recorded alongside the original.
    void showRunning(const QString& label, const QString& explanation);
    /// Shows a finished comparison.
    void showResult(std::shared_ptr<const WhatIfResult> result, const QString& label, const QString& explanation);
    /// The what-if cannot run: `message` says why.
    void showError(const QString& label, const QString& message);
    /// Back to the empty state.
    void clear();
    /// How the two runs are named from now on (the chart's blocks, the output
    /// headers, the throughput bars); an empty name: "original" and the
    /// what-if's label. A comparison with another program names both by their titles.
    void setRunNames(const QString& original, const QString& variant);

    State state() const { return m_state; }
    const WhatIfResult* result() const { return m_result.get(); }
    /// How the blocks and outputs name the two runs.
    QString originalLabel() const;
    QString variantLabel() const { return m_variantName.isEmpty() ? m_label : m_variantName; }
    /// The differences in words, one per line, as the summary shows them.
    QStringList findings() const { return m_findings; }
    /// The line of the output panes that differ (indices into each run's output).
    QList<int> highlightedLines(bool variant) const;

    WhatIfChart* chart() const { return m_chart; }
    /// Both runs' recording time and steps per second, as bars.
    WhatIfThroughput* throughput() const { return m_throughput; }
    QPlainTextEdit* outputView(bool variant) const { return variant ? m_variantOutput : m_originalOutput; }
    QLabel* outputHeader(bool variant) const { return variant ? m_variantHeader : m_originalHeader; }

    /// The differences of `result` in words (what findings() holds once shown).
    static QStringList describe(const WhatIfResult& result);

signals:
    /// The student turned the what-if off from the comparison.
    void turnOffRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void fillOutputs();
    void describeCursor(Nanos time);

    ViewStyle m_style;
    State m_state = State::Empty;
    bool m_sized = false; ///< the splitter got its first sizes
    std::shared_ptr<const WhatIfResult> m_result;
    QString m_label;
    QString m_originalName;
    QString m_variantName;
    QString m_explanation;
    QString m_error;
    QStringList m_findings;
    QLabel* m_title;
    QToolButton* m_turnOff;
    QLabel* m_explain;
    QLabel* m_summary;
    QSplitter* m_splitter;
    WhatIfChart* m_chart;
    QLabel* m_cursorText;
    WhatIfThroughput* m_throughput;
    QLabel* m_originalHeader;
    QLabel* m_variantHeader;
    QPlainTextEdit* m_originalOutput;
    QPlainTextEdit* m_variantOutput;
};

} // namespace coroscope
