#include "core/runtime/loop/Errors.h"

#include <cxxabi.h>
#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace coroscope {

bool isCancelledError(const std::exception_ptr& e)
{
    if (!e)
        return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        // Only inspects the type; a forced unwind never arrives as a stored exception_ptr.
        return false;
    }
}

namespace {

std::string demangled(const std::type_info& type)
{
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(
        abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(type.name());
}

std::string joined(std::string type, const char* message)
{
    if (message && *message)
        type.append(": ").append(message);
    return type;
}

} // namespace

std::string describeException(const std::exception_ptr& e)
{
    if (!e)
        return {};
    try {
        std::rethrow_exception(e);
    } catch (const AsyncError& err) {
        return joined(err.pythonType(), err.what());
    } catch (const std::exception& err) {
        return joined(demangled(typeid(err)), err.what());
    } catch (...) {
        return "unknown exception";
    }
}

} // namespace coroscope
