#include "app/gui/run/RunSession.h"

#include "app/gui/player/Player.h"
#include "app/gui/run/RunController.h"

#include <algorithm>

namespace coroscope {

RunSession::RunSession(Player* player, QObject* parent)
    : QObject(parent)
    , m_player(player)
    , m_controller(new RunController(this))
{
    connect(m_controller, &RunController::started, this, &RunSession::onStarted);
    connect(m_controller, &RunController::progressed, this, &RunSession::onProgressed);
    connect(m_controller, &RunController::finished, this, &RunSession::onFinished);
    // The student's own move wins over a restore still waiting for events.
    connect(m_player, &Player::positionChanged, this, [this] {
        if (m_restore && !m_seeking && m_player->lastMoveCause() != Player::MoveCause::Load)
            m_restore.reset();
    });
}

RunSession::~RunSession() = default;

bool RunSession::isRunning() const
{
    return m_controller->isRunning();
}

void RunSession::runFresh(const QString& source, const QJsonObject& world)
{
    m_restore.reset();
    m_lastPlace.reset();
    start(source, world);
}

void RunSession::rerun(const QString& source, const QJsonObject& world)
{
    std::optional<Place> place;
    if (m_restore)
        place = m_restore; // the last re-run has not put the playhead back yet
    else if (m_result && m_result->outcome == RunOutcome::SyntaxError)
        place = m_lastPlace; // a trace of a syntax error says nothing about where the student was
    else
        place = currentPlace();
    m_lastPlace = place;
    m_restore.reset();
    if (place && place->position > 0)
        m_restore = place;
    start(source, world);
}

std::optional<RunSession::Place> RunSession::currentPlace() const
{
    if (!m_player->hasTrace())
        return std::nullopt;
    Place place;
    place.position = m_player->position();
    place.playing = m_player->isPlaying();
    const StepIndex::LineOccurrence occurrence = m_player->index().lineOccurrenceAt(std::size_t(place.position));
    if (occurrence.line > 0) {
        place.line = occurrence.line;
        place.nth = occurrence.nth;
        place.offset = place.position - qint64(m_player->index().positionOfLine(occurrence.line, occurrence.nth));
        place.lineText = lineOf(m_source, occurrence.line);
    }
    return place;
}

void RunSession::start(const QString& source, const QJsonObject& world)
{
    m_result.reset();
    m_source = source;
    RunRequest request;
    request.source = source;
    request.world = world;
    request.limits = m_limits;
    m_controller->start(request);
}

void RunSession::onStarted(quint64 run, std::shared_ptr<const Trace> trace)
{
    // The worker is recording already: the Player reads only what progressed() announces.
    m_player->setTrace(std::move(trace), 0);
    emit runStarted(run);
    tryRestore(false);
}

void RunSession::onProgressed(quint64, qint64 events)
{
    m_player->traceAppended(events);
    tryRestore(false);
}

void RunSession::onFinished(const RunResult& result)
{
    m_player->traceAppended();
    m_result = result;
    if (result.outcome == RunOutcome::SyntaxError) {
        // Nothing ran: show the error's message, which the console prints at the end.
        m_restore.reset();
        m_seeking = true;
        m_player->seek(m_player->length());
        m_seeking = false;
    } else {
        tryRestore(true);
    }
    emit runFinished(result);
}

void RunSession::tryRestore(bool final)
{
    if (!m_restore || !m_player->hasTrace())
        return;
    const Place place = *m_restore;
    const qint64 length = m_player->length();
    qint64 target = -1;
    const bool sameLine = place.line > 0 && lineOf(m_source, place.line) == place.lineText;
    if (sameLine) {
        const std::size_t at = m_player->index().positionOfLine(place.line, place.nth);
        if (at > 0)
            target = std::min(length, qint64(at) + place.offset);
        else if (!final)
            return; // it may still come
    }
    if (target < 0) {
        if (length >= place.position)
            target = place.position;
        else if (final)
            target = length;
        else
            return;
    }
    m_restore.reset();
    m_seeking = true;
    m_player->seek(target);
    m_seeking = false;
    if (place.playing)
        m_player->play();
}

QString RunSession::lineOf(const QString& source, int line)
{
    if (line <= 0)
        return QString();
    const QStringList lines = source.split(QLatin1Char('\n'));
    return line <= lines.size() ? lines[line - 1] : QString();
}

} // namespace coroscope
