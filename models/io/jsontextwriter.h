#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// A small streaming JSON writer for large machine outputs (solver results: millions of numbers).
// Objects are indented two spaces per level; arrays of numbers and strings stay on one line so
// a 600-month series reads as one line. Numbers use io::numberString (C locale, shortest
// round-trip, whole numbers as integers); non-finite numbers are written as null.
namespace cp::io {

class JsonTextWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray(); // a one-line array of scalars
    void endArray();
    void beginObjectArray(); // an array of objects, one per line block
    void endObjectArray();

    void key(std::string_view name);
    void value(double number);
    void value(std::string_view text);
    void value(const char *text) { value(std::string_view(text)); }
    void null();

    // key + value in one call
    template<typename T>
    void field(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }

    [[nodiscard]] std::string take(); // the document, with a final newline

    // Room for a document of about this many bytes, so a large one is not copied as it grows.
    void reserve(std::size_t bytes) { m_out.reserve(bytes); }

private:
    void beforeValue();
    void newlineIndent();

    std::string m_out;
    int m_depth = 0;
    bool m_first = true;     // no value yet in the current container
    bool m_afterKey = false; // a key was written; its value follows inline
    bool m_inline = false;   // inside a one-line array
};

// JSON string escaping (quotes included).
void appendJsonString(std::string &out, std::string_view text);

} // namespace cp::io
