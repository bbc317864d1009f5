#pragma once
// LineGutter: the strip left of the code. Line numbers, and in a marker
// column: a dot per task standing on the line (in its colour), an arrow for
// the line executing now, and a red mark for a syntax error.

#include <QWidget>

namespace coroscope {

class CodeEditor;

class LineGutter : public QWidget {
    Q_OBJECT
public:
    explicit LineGutter(CodeEditor* editor);

    /// Marker column plus enough digits for the longest line number.
    int preferredWidth() const;
    /// Width of the marker column alone.
    int markerWidth() const;
    QSize sizeHint() const override { return QSize(preferredWidth(), 0); }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    CodeEditor* m_editor;
};

} // namespace coroscope
