#include "app/gui/whatif/WhatIfComparison.h"

#include "app/gui/views/ViewText.h"
#include "app/gui/whatif/WhatIfChart.h"
#include "app/gui/whatif/WhatIfThroughput.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace coroscope {

namespace {

/// Lanes described one by one in the summary; the rest are counted.
constexpr int kMaxDescribedLanes = 6;

QString activityText(const LaneActivity& a, bool loop)
{
    switch (a.presence) {
    case LanePresence::Missing: return WhatIfComparison::tr("not in this run");
    case LanePresence::NotStarted: return WhatIfComparison::tr("not started");
    case LanePresence::Gap: return loop ? WhatIfComparison::tr("busy") : WhatIfComparison::tr("inactive");
    case LanePresence::Finished: return WhatIfComparison::tr("finished");
    case LanePresence::Present: break;
    }
    QString text = ViewText::activityName(a.activity);
    if (a.activity == Activity::Waiting && a.waitKind != WaitKind::None)
        text = WhatIfComparison::tr("%1 on %2").arg(text, ViewText::waitKindName(a.waitKind));
    return text;
}

QString laneTitle(const LaneDiff& lane)
{
    if (lane.isLoop())
        return ViewText::tr("event loop");
    if (!lane.name.isEmpty())
        return lane.name;
    return ViewText::tr("task %1").arg(lane.inOriginal ? lane.originalTask : lane.variantTask);
}

QString outcomeText(const RunResult& run)
{
    switch (run.outcome) {
    case RunOutcome::Ok: return WhatIfComparison::tr("exit %1").arg(run.exitCode);
    case RunOutcome::Exception: return WhatIfComparison::tr("uncaught exception, exit %1").arg(run.exitCode);
    case RunOutcome::SyntaxError: return WhatIfComparison::tr("syntax error");
    case RunOutcome::Limit: return WhatIfComparison::tr("stopped by a limit, exit %1").arg(run.exitCode);
    case RunOutcome::Crashed: return WhatIfComparison::tr("Coroscope failed to run it");
    }
    return {};
}

/// "Task-2: waiting on timer → ready for 2.000 s; not there → running for 2.000 s".
QString laneSentence(const LaneDiff& lane)
{
    const QString name = laneTitle(lane);
    if (!lane.inVariant)
        return WhatIfComparison::tr("%1: only in the original run").arg(name);
    if (!lane.inOriginal)
        return WhatIfComparison::tr("%1: only in the what-if's run").arg(name);
    QStringList parts;
    std::vector<std::pair<std::pair<QString, QString>, Nanos>> kinds;
    for (const LaneChange& change : lane.changes) {
        const std::pair<QString, QString> key{activityText(change.original, lane.isLoop()),
                                              activityText(change.variant, lane.isLoop())};
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == key; });
        if (it == kinds.end())
            kinds.push_back({key, change.end - change.begin});
        else
            it->second += change.end - change.begin;
    }
    for (const auto& [key, duration] : kinds)
        parts << WhatIfComparison::tr("%1 \u2192 %2 for %3").arg(key.first, key.second, ViewText::duration(duration));
    if (lane.originalState != lane.variantState)
        parts << WhatIfComparison::tr("ends %1 instead of %2")
                     .arg(ViewText::stateName(lane.variantState), ViewText::stateName(lane.originalState));
    if (parts.isEmpty() && lane.originalSwitches != lane.variantSwitches)
        parts << WhatIfComparison::tr("runs %n time(s) instead of %1", nullptr, int(lane.variantSwitches))
                     .arg(lane.originalSwitches);
    return WhatIfComparison::tr("%1: %2").arg(name, parts.join(QStringLiteral("; ")));
}

} // namespace

WhatIfComparison::WhatIfComparison(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfComparison"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);

    auto* top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("whatIfTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_turnOff = new QToolButton(this);
    m_turnOff->setObjectName(QStringLiteral("whatIfTurnOff"));
    connect(m_turnOff, &QToolButton::clicked, this, &WhatIfComparison::turnOffRequested);
    top->addWidget(m_title, 1);
    top->addWidget(m_turnOff);
    layout->addLayout(top);

    m_explain = new QLabel(this);
    m_explain->setObjectName(QStringLiteral("whatIfExplanation"));
    m_explain->setWordWrap(true);
    m_explain->setTextFormat(Qt::PlainText);
    layout->addWidget(m_explain);

    // Chart, summary and outputs side by side: the dock spans the window's width.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    auto* left = new QWidget(m_splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    m_chart = new WhatIfChart(left);
    m_cursorText = new QLabel(left);
    m_cursorText->setObjectName(QStringLiteral("whatIfCursor"));
    m_cursorText->setWordWrap(true);
    // Two lines, whatever the cursor has to say: the chart above keeps its height.
    m_cursorText->setFixedHeight(2 * m_cursorText->fontMetrics().lineSpacing() + 1);
    m_cursorText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_throughput = new WhatIfThroughput(left);
    leftLayout->addWidget(m_chart, 1);
    leftLayout->addWidget(m_cursorText);
    leftLayout->addWidget(m_throughput);

    m_summary = new QLabel(m_splitter);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setMinimumWidth(220);

    auto* right = new QWidget(m_splitter);
    auto* grid = new QGridLayout(right);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    m_originalHeader = new QLabel(right);
    m_originalHeader->setObjectName(QStringLiteral("whatIfOriginalHeader"));
    m_variantHeader = new QLabel(right);
    m_variantHeader->setObjectName(QStringLiteral("whatIfVariantHeader"));
    for (QLabel* header : {m_originalHeader, m_variantHeader}) {
        header->setFont(bold);
        header->setTextFormat(Qt::PlainText);
        header->setWordWrap(true);
        header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    m_originalOutput = new QPlainTextEdit(right);
    m_originalOutput->setObjectName(QStringLiteral("whatIfOriginalOutput"));
    m_variantOutput = new QPlainTextEdit(right);
    m_variantOutput->setObjectName(QStringLiteral("whatIfVariantOutput"));
    for (QPlainTextEdit* output : {m_originalOutput, m_variantOutput}) {
        output->setReadOnly(true);
        output->setLineWrapMode(QPlainTextEdit::NoWrap);
        output->setMinimumWidth(120);
    }
    grid->addWidget(m_originalHeader, 0, 0);
    grid->addWidget(m_variantHeader, 0, 1);
    grid->addWidget(m_originalOutput, 1, 0);
    grid->addWidget(m_variantOutput, 1, 1);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_summary);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_chart, &WhatIfChart::cursorChanged, this, &WhatIfComparison::describeCursor);
    retranslate();
    refresh();
}

void WhatIfComparison::setViewStyle(const ViewStyle& style)
{
    m_style = style;
    m_chart->setViewStyle(style);
    m_throughput->setViewStyle(style);
    const QFont mono = style.font(0.95, false, true);
    m_originalOutput->setFont(mono);
    m_variantOutput->setFont(mono);
    fillOutputs();
}

QString WhatIfComparison::originalLabel() const
{
    return m_originalName.isEmpty() ? tr("original") : m_originalName;
}

void WhatIfComparison::setRunNames(const QString& original, const QString& variant)
{
    m_originalName = original;
    m_variantName = variant;
    refresh();
}

void WhatIfComparison::showRunning(const QString& label, const QString& explanation)
{
    m_state = State::Running;
    m_result.reset();
    m_label = label;
    m_explanation = explanation;
    m_error.clear();
    refresh();
}

void WhatIfComparison::showResult(std::shared_ptr<const WhatIfResult> result, const QString& label,
                                  const QString& explanation)
{
    m_state = result ? State::Ready : State::Empty;
    m_result = std::move(result);
    m_label = label;
    m_explanation = explanation;
    m_error.clear();
    refresh();
}

void WhatIfComparison::showError(const QString& label, const QString& message)
{
    m_state = State::Failed;
    m_result.reset();
    m_label = label;
    m_explanation.clear();
    m_error = message;
    refresh();
}

void WhatIfComparison::clear()
{
    m_state = State::Empty;
    m_result.reset();
    m_label.clear();
    m_explanation.clear();
    m_error.clear();
    refresh();
}

QStringList WhatIfComparison::describe(const WhatIfResult& result)
{
    const WhatIfDiff& diff = result.diff;
    QStringList lines;
    if (diff.isEmpty()) {
        lines << tr("No difference: the same timeline and the same output.");
    } else if (diff.endDelta() != 0) {
        const QString sentence = diff.endDelta() > 0 ? tr("The run ends at %1 instead of %2 (%3 later).")
                                                     : tr("The run ends at %1 instead of %2 (%3 earlier).");
        lines << sentence.arg(ViewText::time(diff.variantEnd()), ViewText::time(diff.originalEnd()),
                              ViewText::duration(diff.endDelta()));
    } else {
        lines << tr("The run still ends at %1.").arg(ViewText::time(diff.originalEnd()));
    }
    if (result.originalRun.outcome != result.variantRun.outcome || result.originalRun.exitCode != result.variantRun.exitCode)
        lines << tr("It ends with %1 instead of %2.").arg(outcomeText(result.variantRun), outcomeText(result.originalRun));
    int described = 0;
    int more = 0;
    for (const LaneDiff& lane : diff.lanes()) {
        if (!lane.differs())
            continue;
        if (described++ < kMaxDescribedLanes)
            lines << laneSentence(lane);
        else
            ++more;
    }
    if (more > 0)
        lines << tr("%n more task(s) differ.", nullptr, more);
    const int changedOutput = diff.changedOutputLines();
    if (changedOutput > 0)
        lines << tr("Output: %n line(s) differ.", nullptr, changedOutput);
    else if (!diff.isEmpty())
        lines << tr("The output is the same.");
    lines << tr("Recorded in %1 ms (%2 steps) and %3 ms (%4 steps).")
                 .arg(result.originalRun.wallMs)
                 .arg(result.originalRun.steps)
                 .arg(result.variantRun.wallMs)
                 .arg(result.variantRun.steps);
    return lines;
}

void WhatIfComparison::refresh()
{
    m_title->setText(m_state == State::Empty ? tr("No what-if is on: turn one on in the lesson pane.")
                                             : tr("What if: %1").arg(m_label));
    m_turnOff->setVisible(m_state != State::Empty);
    m_explain->setText(m_state == State::Failed ? m_error : m_explanation);
    m_explain->setVisible(!m_explain->text().isEmpty());
    m_findings = m_result ? describe(*m_result) : QStringList();
    QString summary;
    if (m_state == State::Running)
        summary = tr("Recording the original and the what-if\u2026").toHtmlEscaped();
    else if (!m_findings.isEmpty()) {
        // The last finding (how long the recordings took) is a footnote.
        QStringList items;
        for (qsizetype i = 0; i + 1 < m_findings.size(); ++i)
            items << QStringLiteral("<li>%1</li>").arg(m_findings[i].toHtmlEscaped());
        summary = QStringLiteral("<ul style=\"margin:0; -qt-list-indent:1\">%1</ul><span style=\"color:%2\">%3</span>")
                      .arg(items.join(QString()), m_style.theme().mutedText.name(), m_findings.last().toHtmlEscaped());
    }
    m_summary->setText(summary);
    m_chart->setResult(m_result, originalLabel(), variantLabel());
    if (m_result)
        m_throughput->setRuns(originalLabel(), m_result->originalRun, variantLabel(), m_result->variantRun);
    else
        m_throughput->clear();
    m_throughput->setVisible(m_state == State::Ready);
    m_chart->setVisible(m_state == State::Ready);
    m_cursorText->setText(m_state == State::Ready ? tr("Click the chart or use \u2190 \u2192 to step from change to change.")
                                                  : QString());
    m_cursorText->setVisible(m_state == State::Ready);
    m_splitter->widget(2)->setVisible(m_state == State::Ready);
    if (m_state == State::Ready && !m_sized && m_splitter->width() > 0) {
        // Most of the width to the timelines; the splitter keeps what the student sets after.
        const int w = m_splitter->width();
        m_splitter->setSizes({w * 10 / 20, w * 5 / 20, w * 5 / 20});
        m_sized = true;
    }
    fillOutputs();
}

void WhatIfComparison::fillOutputs()
{
    const bool ready = m_result != nullptr;
    const auto header = [&](const QString& label, const RunResult& run, Nanos end) {
        return tr("%1 \u00B7 %2 \u00B7 ends at %3").arg(label, outcomeText(run), ViewText::time(end));
    };
    m_originalHeader->setText(ready ? header(originalLabel(), m_result->originalRun, m_result->diff.originalEnd()) : QString());
    m_variantHeader->setText(ready ? header(variantLabel(), m_result->variantRun, m_result->diff.variantEnd()) : QString());
    m_originalHeader->setToolTip(m_originalHeader->text());
    m_variantHeader->setToolTip(m_variantHeader->text());
    const QColor differs = m_chart->differsColor();
    for (bool variant : {false, true}) {
        QPlainTextEdit* view = outputView(variant);
        if (!ready) {
            view->clear();
            continue;
        }
        const RunDigest& digest = variant ? m_result->variant : m_result->original;
        QStringList text;
        for (const DigestLine& line : digest.output())
            text << line.text;
        view->setPlainText(text.join(QLatin1Char('\n')));
        QList<QTextEdit::ExtraSelection> marks;
        const std::vector<bool>& differing = variant ? m_result->diff.variantLineDiffers()
                                                     : m_result->diff.originalLineDiffers();
        for (int i = 0; i < digest.output().size(); ++i) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(view->document()->findBlockByNumber(i));
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            const bool isStderr = digest.output()[i].stream == Stream::Stderr;
            if (std::size_t(i) < differing.size() && differing[std::size_t(i)]) {
                QColor back = differs;
                back.setAlpha(60);
                mark.format.setBackground(back);
            } else if (isStderr) {
                mark.format.setBackground(m_style.theme().stderrBack);
            } else {
                continue;
            }
            if (isStderr)
                mark.format.setForeground(m_style.theme().stderrInk);
            marks.append(mark);
        }
        view->setExtraSelections(marks);
    }
}

QList<int> WhatIfComparison::highlightedLines(bool variant) const
{
    QList<int> lines;
    if (!m_result)
        return lines;
    const std::vector<bool>& differing = variant ? m_result->diff.variantLineDiffers() : m_result->diff.originalLineDiffers();
    for (std::size_t i = 0; i < differing.size(); ++i) {
        if (differing[i])
            lines << int(i);
    }
    return lines;
}

void WhatIfComparison::describeCursor(Nanos time)
{
    if (!m_result)
        return;
    QStringList parts;
    for (const LaneDiff& lane : m_result->diff.lanes()) {
        const DigestLane* o = lane.inOriginal ? m_result->original.lane(lane.key) : nullptr;
        const DigestLane* v = lane.inVariant ? m_result->variant.lane(lane.key) : nullptr;
        const LaneActivity a = o ? WhatIfDiff::activityAt(*o, time) : LaneActivity{};
        const LaneActivity b = v ? WhatIfDiff::activityAt(*v, time) : LaneActivity{};
        if (!(a == b))
            parts << tr("%1 %2 \u2192 %3").arg(laneTitle(lane), activityText(a, lane.isLoop()), activityText(b, lane.isLoop()));
    }
    m_cursorText->setText(parts.isEmpty() ? tr("At %1 both runs do the same.").arg(ViewText::time(time))
                                          : tr("At %1: %2").arg(ViewText::time(time), parts.join(QStringLiteral(" \u00B7 "))));
    m_cursorText->setToolTip(m_cursorText->text());
}

void WhatIfComparison::retranslate()
{
    m_turnOff->setText(tr("Turn off"));
    m_turnOff->setToolTip(tr("Turn this what-if off and close the comparison"));
}

void WhatIfComparison::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
}

} // namespace coroscope
