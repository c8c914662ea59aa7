import Foundation
import ReleaseFormat

/// Numbers for SVG coordinates, beside `Markup.escape` for its text.
extension Markup {
    /// A number with at most one decimal, so SVG stays small and stable.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Colours for kinds of events and tracks: dark enough for white text (contrast ≥ 4.5:1).
enum Palette {
    static let colors = [
        "#1b5e20", "#0d47a1", "#6a1b9a", "#b71c1c", "#004d40", "#e65100", "#37474f", "#880e4f", "#3e2723", "#1a237e",
    ]

    static func color(for key: String, among keys: [String]) -> String {
        colors[(keys.firstIndex(of: key) ?? 0) % colors.count]
    }
}

extension Palette {
    /// Black or white, whichever reads better on `background` (`#rrggbb`), by WCAG luminance.
    static func text(on background: String) -> String {
        let hex = background.hasPrefix("#") ? String(background.dropFirst()) : background
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return "#ffffff" }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05.
        return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#111111"
    }
}
