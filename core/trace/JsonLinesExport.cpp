#include "core/trace/JsonLinesExport.h"

#include "core/trace/JsonLinesStream.h"
#include "core/trace/Trace.h"

namespace coroscope {

JsonLinesExport::JsonLinesExport(const Trace& trace)
    : m_trace(trace)
{
}

void JsonLinesExport::write(std::ostream& out) const
{
    writeTo(&out, nullptr);
}

std::string JsonLinesExport::toJsonLines() const
{
    std::string text;
    writeTo(nullptr, &text);
    return text;
}

// The whole trace is one stream written in one go: the same records as
// `coroscope-cli trace` writes while the program runs.
void JsonLinesExport::writeTo(std::ostream* sink, std::string* text) const
{
    JsonLinesStream stream(m_trace, sink);
    stream.writeUpTo(m_trace.size());
    stream.flush();
    if (text)
        *text = stream.text();
}

} // namespace coroscope
