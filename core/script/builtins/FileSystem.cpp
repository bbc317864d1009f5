#include "core/script/builtins/FileSystem.h"

namespace coroscope::pylite {

std::string FileSystem::normalize(std::string_view path)
{
    while (path.size() >= 2 && path.substr(0, 2) == "./") path.remove_prefix(2);
    return std::string(path);
}

const std::string* FileSystem::find(std::string_view path) const
{
    auto it = m_files.find(normalize(path));
    return it == m_files.end() ? nullptr : &it->second;
}

std::string* FileSystem::find(std::string_view path)
{
    auto it = m_files.find(normalize(path));
    return it == m_files.end() ? nullptr : &it->second;
}

std::string& FileSystem::create(std::string_view path)
{
    std::string& data = m_files[normalize(path)];
    data.clear();
    return data;
}

std::vector<std::string> FileSystem::paths() const
{
    std::vector<std::string> out;
    for (const auto& [path, data] : m_files) out.push_back(path);
    return out;
}

} // namespace coroscope::pylite
