#include "domain/strictjson.h"

#include "domain/problem.h"

#include <string>
#include <vector>

namespace cp::io {

QString jsonPathKey(const QString &parent, QAnyStringView key)
{
    if (parent.isEmpty())
        return key.toString();
    return parent + QLatin1Char('.') + key.toString();
}

QString jsonPathIndex(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

namespace {

using json = nlohmann::json;

// Builds the document like nlohmann's own DOM parser, refusing duplicate keys and deep nesting.
// It keeps the path of the value being read so every error says where it is.
class StrictDomBuilder
{
public:
    explicit StrictDomBuilder(int maxDepth)
        : m_maxDepth(maxDepth)
    {
    }

    bool null() { return add(json(nullptr)); }
    bool boolean(bool value) { return add(json(value)); }
    bool number_integer(json::number_integer_t value) { return add(json(value)); }
    bool number_unsigned(json::number_unsigned_t value) { return add(json(value)); }
    bool number_float(json::number_float_t value, const std::string &) { return add(json(value)); }
    bool string(json::string_t &value) { return add(json(std::move(value))); }
    bool binary(json::binary_t &) { return fail(currentPath(), QStringLiteral("binary values are not JSON")); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t &key)
    {
        Frame &frame = m_stack.back();
        if (frame.value->contains(key)) {
            return fail(jsonPathKey(pathOf(m_stack.size() - 1), QString::fromStdString(key)),
                        QStringLiteral("the key \"%1\" appears twice in the same object; which one is meant is "
                                       "ambiguous, so keep only one")
                            .arg(QString::fromStdString(key)));
        }
        frame.key = key;
        frame.hasKey = true;
        return true;
    }

    bool parse_error(std::size_t /*byteOffset*/, const std::string &lastToken, const nlohmann::detail::exception &ex)
    {
        if (m_error)
            return false; // our own refusal stopped the parser; keep that message
        if (ex.id == 406) {
            return fail(currentPath(),
                        QStringLiteral("%1 is not a finite number (too large for a double)")
                            .arg(quotedText(QString::fromStdString(lastToken), 40)));
        }
        // nlohmann's messages read "[json.exception.parse_error.101] parse error at line 3, column 5: ...".
        QString message = QString::fromUtf8(ex.what());
        const qsizetype bracket = message.indexOf(QLatin1String("] "));
        if (message.startsWith(QLatin1Char('[')) && bracket > 0)
            message = message.mid(bracket + 2);
        // "...; last read: '<token>'": a megabyte-long token is cut, control characters escaped.
        const QLatin1String lastRead("last read: '");
        const qsizetype at = message.indexOf(lastRead);
        if (at >= 0) {
            const qsizetype from = at + lastRead.size();
            qsizetype to = message.indexOf(QLatin1String("'; "), from); // "...'; expected '}'"
            if (to < 0)
                to = message.endsWith(QLatin1Char('\'')) ? message.size() - 1 : message.size();
            message = message.left(from) + quotedText(message.mid(from, to - from), 40) + message.mid(to);
        }
        return fail(currentPath(), QStringLiteral("not valid JSON: ") + message);
    }

    [[nodiscard]] json takeRoot() { return std::move(m_root); }
    [[nodiscard]] const std::optional<StrictJsonError> &error() const { return m_error; }

private:
    struct Frame {
        json *value;
        std::string key; // the key whose value comes next (objects)
        bool hasKey = false;
    };

    bool fail(const QString &path, const QString &message)
    {
        if (!m_error)
            m_error = StrictJsonError { path, message };
        return false;
    }

    // The path of the container at `level`, built from the frames above it.
    QString pathOf(std::size_t level) const
    {
        QString path;
        for (std::size_t i = 0; i < level; ++i) {
            const Frame &frame = m_stack[i];
            if (frame.value->is_array())
                path = jsonPathIndex(path, static_cast<qsizetype>(frame.value->size()) - 1);
            else
                path = jsonPathKey(path, QString::fromStdString(frame.key));
        }
        return path;
    }

    // Where the next value goes.
    QString currentPath() const
    {
        if (m_stack.empty())
            return {};
        const Frame &top = m_stack.back();
        const QString parent = pathOf(m_stack.size() - 1);
        if (top.value->is_array())
            return jsonPathIndex(parent, static_cast<qsizetype>(top.value->size()));
        return top.hasKey ? jsonPathKey(parent, QString::fromStdString(top.key)) : parent;
    }

    json *place(json &&value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        json &parent = *m_stack.back().value;
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json &slot = parent[m_stack.back().key];
        slot = std::move(value);
        return &slot;
    }

    bool counted()
    {
        if (++m_values <= kMaxJsonValues)
            return true;
        return fail(currentPath(), QStringLiteral("more than %1 values; a scenario needs far fewer, so this is not a "
                                                  "scenario file")
                                       .arg(QString::number(kMaxJsonValues)));
    }

    bool add(json &&value)
    {
        if (!counted())
            return false;
        place(std::move(value));
        return true;
    }

    bool open(json &&container)
    {
        if (!counted())
            return false;
        if (static_cast<int>(m_stack.size()) >= m_maxDepth) {
            return fail(currentPath(),
                        QStringLiteral("nested more than %1 levels deep; a scenario needs far fewer, so "
                                       "this is not a scenario file")
                            .arg(m_maxDepth));
        }
        m_stack.push_back(Frame { place(std::move(container)), {}, false });
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    int m_maxDepth;
    std::size_t m_values = 0;
    json m_root;
    std::vector<Frame> m_stack;
    std::optional<StrictJsonError> m_error;
};

} // namespace

std::optional<nlohmann::json> parseStrictJson(const QByteArray &bytes, StrictJsonError *error, int maxDepth)
{
    // UTF-16 (a byte-order mark, or ASCII with NUL bytes between the letters) is not JSON text as
    // written here; say so rather than "invalid literal".
    const bool utf16Bom = bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff");
    const bool utf16Nul = bytes.size() >= 2 && (bytes.at(0) == '\0' || bytes.at(1) == '\0');
    if (utf16Bom || utf16Nul) {
        if (error)
            *error = StrictJsonError { QString(), QStringLiteral("the text is UTF-16 (or UTF-32), not UTF-8; save it as "
                                                                 "UTF-8 and try again") };
        return std::nullopt;
    }
    StrictDomBuilder builder(maxDepth);
    const char *begin = bytes.constData();
    const bool ok = json::sax_parse(begin, begin + bytes.size(), &builder, json::input_format_t::json, true, false);
    if (!ok || builder.error()) {
        if (error) {
            *error = builder.error().value_or(StrictJsonError { QString(), QStringLiteral("not valid JSON") });
        }
        return std::nullopt;
    }
    return builder.takeRoot();
}

} // namespace cp::io
