#pragma once

#include <cstdint>

namespace coroscope {

/// The application's colour schemes. HighContrast is the presenter theme:
/// black ground, white ink, saturated accents, for projectors in lit halls.
enum class ThemeKind : std::uint8_t { Light, Dark, HighContrast };

} // namespace coroscope
