#pragma once
// RunSession: keeps the Player playing a recording of the code in the
// editor (DESIGN.md section 2). Opening a program runs it from the start;
// an edit runs it again and brings the playhead back near where it was: to
// the same occurrence of the same line when that line is unchanged,
// otherwise to the same event index, clamped to the new run. A run that
// fails to compile keeps that place for the next one, so typing through a
// half-written line does not lose it.

#include "app/gui/run/RunRequest.h"

#include <QObject>

#include <memory>
#include <optional>

namespace coroscope {

class Player;
class RunController;
class Trace;

class RunSession : public QObject {
    Q_OBJECT
public:
    explicit RunSession(Player* player, QObject* parent = nullptr);
    ~RunSession() override;

    RunController* controller() const { return m_controller; }
    void setLimits(const RunLimits& limits) { m_limits = limits; }
    const RunLimits& limits() const { return m_limits; }

    /// Runs a program just opened; the playhead starts at the beginning.
    void runFresh(const QString& source, const QJsonObject& world = {});
    /// Runs an edited program; the playhead returns near where it was.
    void rerun(const QString& source, const QJsonObject& world = {});

    /// The source of the current run.
    QString source() const { return m_source; }
    /// How the current run ended, once it has.
    const std::optional<RunResult>& lastResult() const { return m_result; }
    bool isRunning() const;
    /// A re-run is waiting for enough of its trace to put the playhead back.
    bool isRestoring() const { return m_restore.has_value(); }

signals:
    /// The Player holds the new run's (still growing) trace.
    void runStarted(quint64 run);
    /// The current run ended; the Player holds all of it.
    void runFinished(const coroscope::RunResult& result);

private:
    /// Where the playhead was before a re-run.
    struct Place {
        qint64 position = 0;
        int line = 0;         ///< the line of the last Line event before it (0: none)
        int nth = 0;          ///< which occurrence of that line
        qint64 offset = 0;    ///< events between that Line event's stop and the position
        QString lineText;     ///< the line's text in the old source
        bool playing = false; ///< playback continues after the restore
    };

    void start(const QString& source, const QJsonObject& world);
    std::optional<Place> currentPlace() const;
    void onStarted(quint64 run, std::shared_ptr<const Trace> trace);
    void onProgressed(quint64 run, qint64 events);
    void onFinished(const RunResult& result);
    void tryRestore(bool final);
    static QString lineOf(const QString& source, int line);

    Player* m_player;
    RunController* m_controller;
    RunLimits m_limits;
    QString m_source;
    std::optional<RunResult> m_result;
    std::optional<Place> m_restore;   ///< waiting to be applied to the current run
    std::optional<Place> m_lastPlace; ///< the place before the run that failed to compile
    bool m_seeking = false;           ///< the restore's own seek is under way
};

} // namespace coroscope
