#pragma once
// FileSystem: the in-memory files a pylite program sees through open().
// Nothing touches the real disk; the GUI can show (and tests can inspect)
// the files a run created. Paths are plain names ("data.txt", "out/a.txt");
// "./x" and "x" are the same file. There are no directories.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::pylite {

class FileSystem {
public:
    /// Canonical form of a path ("./a.txt" -> "a.txt").
    static std::string normalize(std::string_view path);

    bool exists(std::string_view path) const { return m_files.count(normalize(path)) != 0; }
    /// Contents of a file (null when it does not exist).
    const std::string* find(std::string_view path) const;
    std::string* find(std::string_view path);
    /// Creates or truncates a file; returns its contents buffer.
    std::string& create(std::string_view path);
    /// Adds a file before a run (lesson data).
    void put(std::string_view path, std::string contents) { m_files[normalize(path)] = std::move(contents); }
    bool remove(std::string_view path) { return m_files.erase(normalize(path)) != 0; }
    std::vector<std::string> paths() const;

private:
    std::map<std::string, std::string> m_files;
};

} // namespace coroscope::pylite
