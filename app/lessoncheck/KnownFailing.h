#pragma once
// KnownFailing: the lesson programs that `coroscope-cli lessons --check` may
// see fail (lessons/KNOWN_FAILING, bundled into coroscope-cli). The list may
// only shrink: a listed program that passes, and an entry that names no
// program, are both reported as errors by LessonCheck.

#include <QString>
#include <QStringList>

namespace coroscope::cli {

class KnownFailing {
public:
    /// The list bundled into coroscope-cli (":/cli/KNOWN_FAILING"); empty when absent.
    static KnownFailing bundled();
    /// Parses the file format: one "NN-slug/prog.py" per line; blank lines and
    /// everything after '#' are ignored, surrounding whitespace is trimmed.
    static KnownFailing parse(const QString& text);

    /// True when "folder/file" (e.g. "06-why-coroutines/download_aiohttp.py") is listed.
    bool contains(const QString& entry) const { return m_entries.contains(entry); }
    /// Every entry, in file order, without duplicates.
    const QStringList& entries() const { return m_entries; }

private:
    QStringList m_entries;
};

} // namespace coroscope::cli
