#include "core/script/syntax/Parser.h"

#include "core/script/syntax/SyntaxCheck.h"
#include "core/script/syntax/detail/ParserImpl.h"

namespace coroscope::syntax {

ParseResult Parser::parse(std::string_view source, const Options& options)
{
    ParseResult result;
    result.arena = std::make_unique<Arena>();
    detail::ParserImpl::Config config;
    config.filename = options.filename;
    detail::ParserImpl impl(*result.arena, source, config);
    Module* module = impl.parseFile();
    if (module == nullptr) {
        result.error = impl.error();
        return result;
    }
    if (options.compilerChecks) {
        if (std::optional<SyntaxError> error = checkModule(*module, source, options.filename)) {
            result.error = std::move(error);
            return result;
        }
    }
    result.module = module;
    return result;
}

} // namespace coroscope::syntax
