#pragma once
// Autosave: the user's edits of each document, kept on disk as they type, so
// quitting, a crash or switching lessons never loses them. One file per
// document key; writes are atomic (QSaveFile), so a crash mid-write leaves
// the previous version intact.

#include <QString>

#include <optional>

namespace coroscope {

class Autosave {
public:
    /// `directory` is created on the first save (the app passes
    /// QStandardPaths::AppDataLocation + "/autosave"; tests a temporary dir).
    explicit Autosave(QString directory);

    QString directory() const { return m_directory; }

    /// Stores `text` as the edited version of `documentKey`.
    bool save(const QString& documentKey, const QString& text);
    /// The stored edit of `documentKey`, if any.
    std::optional<QString> load(const QString& documentKey) const;
    bool contains(const QString& documentKey) const;
    /// Forgets the edit (after "Revert to original").
    void discard(const QString& documentKey);
    /// The file that holds `documentKey`: a readable stem plus a hash of the key.
    QString pathFor(const QString& documentKey) const;

private:
    QString m_directory;
};

} // namespace coroscope
