#include "app/gui/run/PlayheadModel.h"

#include "core/trace/Seeker.h"
#include "core/trace/Trace.h"

#include <algorithm>
#include <utility>

namespace coroscope {

PlayheadModel::PlayheadModel(QObject* parent)
    : QObject(parent)
{
}

PlayheadModel::~PlayheadModel() = default;

void PlayheadModel::setTrace(std::shared_ptr<const Trace> trace)
{
    // The old trace and its seeker outlive the signals, so listeners can let
    // go of what they hold into them first.
    const std::shared_ptr<const Trace> oldTrace = std::exchange(m_trace, std::move(trace));
    const std::unique_ptr<Seeker> oldSeeker = std::exchange(m_seeker, m_trace ? std::make_unique<Seeker>(*m_trace) : nullptr);
    emit traceReplaced();
    emit headChanged();
    emit modelChanged();
}

void PlayheadModel::traceAppended()
{
    if (!m_seeker)
        return;
    const std::size_t before = m_seeker->indexed();
    m_seeker->update();
    if (m_seeker->indexed() != before)
        emit headChanged();
}

void PlayheadModel::seek(qint64 position)
{
    if (!m_seeker)
        return;
    const std::size_t target = std::size_t(std::max<qint64>(0, position));
    if (target == m_seeker->current().position() && target <= m_seeker->indexed())
        return;
    const std::size_t indexed = m_seeker->indexed();
    m_seeker->seek(target);
    if (m_seeker->indexed() != indexed)
        emit headChanged();
    emit modelChanged();
}

const Model& PlayheadModel::model() const
{
    return m_seeker ? m_seeker->current() : m_empty;
}

const Model& PlayheadModel::head() const
{
    return m_seeker ? m_seeker->head() : m_empty;
}

} // namespace coroscope
