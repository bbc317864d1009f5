#pragma once
// ConsoleFeed: keeps the Console showing exactly the output written by the
// first position() events of the Player's trace. Stepping forward appends
// the new Output events; stepping back cuts the console back.

#include <QObject>

#include <cstddef>
#include <vector>

namespace coroscope {

class ConsolePane;
class Player;

class ConsoleFeed : public QObject {
    Q_OBJECT
public:
    ConsoleFeed(Player* player, ConsolePane* console, QObject* parent = nullptr);

private:
    void restart();
    void follow(qint64 position);

    Player* m_player;
    ConsolePane* m_console;
    std::size_t m_shown = 0;              ///< events [0, m_shown) are reflected
    std::vector<std::size_t> m_chunkEvent; ///< the event index of each console chunk
};

} // namespace coroscope
