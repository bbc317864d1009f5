#include "app/gui/panes/ConsoleFeed.h"

#include "app/gui/panes/ConsolePane.h"
#include "app/gui/player/Player.h"
#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope {

ConsoleFeed::ConsoleFeed(Player* player, ConsolePane* console, QObject* parent)
    : QObject(parent)
    , m_player(player)
    , m_console(console)
{
    connect(player, &Player::traceChanged, this, &ConsoleFeed::restart);
    connect(player, &Player::positionChanged, this, &ConsoleFeed::follow);
    restart();
}

void ConsoleFeed::restart()
{
    m_console->clearOutput();
    m_chunkEvent.clear();
    m_shown = 0;
    follow(m_player->position());
}

void ConsoleFeed::follow(qint64 position)
{
    const Trace* trace = m_player->trace();
    const std::size_t target = trace ? std::size_t(position) : 0;
    if (target < m_shown) {
        const auto kept = std::lower_bound(m_chunkEvent.begin(), m_chunkEvent.end(), target) - m_chunkEvent.begin();
        m_console->truncate(int(kept));
        m_chunkEvent.resize(std::size_t(kept));
        m_shown = target;
        return;
    }
    // One batch: a jump over thousands of prints draws only what the console shows.
    QVector<ConsolePane::Chunk> batch;
    for (std::size_t i = m_shown; i < target; ++i) {
        const Event& e = (*trace)[i];
        if (e.kind != EventKind::Output)
            continue;
        const std::string_view text = trace->text(e.v);
        batch.append({e.subject, Stream(e.a), QString::fromUtf8(text.data(), qsizetype(text.size()))});
        m_chunkEvent.push_back(i);
    }
    m_console->appendOutputs(batch);
    m_shown = target;
}

} // namespace coroscope
