#pragma once
// PlayheadModel: the Model of the world at the Player's playhead (the fold of
// events [0, position)), plus the Model after everything recorded so far,
// for the panes that read the run's state rather than draw it: the editor's
// task lines, the warnings banner, the narration's "why does this task run
// next?". It keeps the one Seeker over the current trace, so moving the
// playhead anywhere, either way, costs at most one checkpoint interval of
// events; the views (ViewFeed) and the timeline read the same Seeker.
//
// This header does not include the Seeker, to keep its includers light.

#include "core/trace/Model.h"

#include <QObject>

#include <memory>

namespace coroscope {

class Seeker;
class Trace;

class PlayheadModel : public QObject {
    Q_OBJECT
public:
    explicit PlayheadModel(QObject* parent = nullptr);
    ~PlayheadModel() override;

    /// A new run (or none); shows position 0. Keeps `trace` alive.
    void setTrace(std::shared_ptr<const Trace> trace);
    const Trace* trace() const { return m_trace.get(); }
    bool hasTrace() const { return m_trace != nullptr; }
    /// The index over trace(); nullptr when there is no trace. It changes
    /// only with setTrace (traceReplaced tells).
    const Seeker* seeker() const { return m_seeker.get(); }

    /// Indexes the events recorded since the last call.
    void traceAppended();
    /// Moves to `position` (clamped to what is indexed).
    void seek(qint64 position);

    /// The world at the playhead. Valid until the next setTrace/seek/traceAppended.
    const Model& model() const;
    /// The world after every indexed event: all warnings found so far, the end status.
    const Model& head() const;
    qint64 position() const { return qint64(model().position()); }

signals:
    /// setTrace took a new trace (or none); emitted before headChanged and
    /// modelChanged, while the previous trace and seeker are still alive.
    void traceReplaced();
    /// model() changed (a seek or a new trace).
    void modelChanged();
    /// head() changed (events were indexed or a new trace).
    void headChanged();

private:
    std::shared_ptr<const Trace> m_trace;
    std::unique_ptr<Seeker> m_seeker;
    Model m_empty;
};

} // namespace coroscope
