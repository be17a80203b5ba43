#pragma once

// The edits of the crash-safety test, numbered 0, 1, 2, ... and fully determined by their
// number, so the test can tell exactly which state follows each edit the helper reported.
// Every sixth edit starts a new "slot" k and the six kinds cycle:
//   0 create "s<k>"            3 duplicate "t<k>" -> "t<k> (copy)"
//   1 save "s<k>"              4 delete "t<k>"
//   2 rename "s<k>" -> "t<k>"  5 delete "t<k-1> (copy)" (slot 0: save "t0 (copy)")
// Documents vary in size up to ~20 kB, so edits span several pages and overflow chains.

#include "storage/workspace.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace crashedits {

inline QByteArray document(qint64 n)
{
    const qsizetype padBytes = static_cast<qsizetype>((n * 7919) % 20000);
    return "{\"edit\": " + QByteArray::number(n) + ", \"pad\": \"" + QByteArray(padBytes, 'a' + char(n % 26)) + "\"}";
}

inline QString slotName(char prefix, qint64 k)
{
    return QString(QLatin1Char(prefix)) + QString::number(k);
}

inline QString copyName(qint64 k)
{
    return slotName('t', k) + QStringLiteral(" (copy)");
}

inline bool apply(cp::Workspace &workspace, qint64 n)
{
    const qint64 k = n / 6;
    const auto id = [&](const QString &name) { return workspace.findScenario(name); };
    switch (n % 6) {
    case 0:
        return workspace.createScenario(slotName('s', k), document(n)).has_value();
    case 1: {
        const auto s = id(slotName('s', k));
        return s && workspace.saveDocument(*s, document(n));
    }
    case 2: {
        const auto s = id(slotName('s', k));
        return s && workspace.renameScenario(*s, slotName('t', k));
    }
    case 3: {
        const auto t = id(slotName('t', k));
        return t && workspace.duplicateScenario(*t).has_value();
    }
    case 4: {
        const auto t = id(slotName('t', k));
        return t && workspace.removeScenario(*t);
    }
    default: {
        if (k == 0) {
            const auto c = id(copyName(0));
            return c && workspace.saveDocument(*c, document(n));
        }
        const auto c = id(copyName(k - 1));
        return c && workspace.removeScenario(*c);
    }
    }
}

// The list (names in order, with documents) after edits 0..last; last = -1: nothing yet.
using State = std::vector<std::pair<QString, QByteArray>>;

inline State expectedState(qint64 last)
{
    State state;
    const auto find = [&](const QString &name) {
        for (auto it = state.begin(); it != state.end(); ++it)
            if (it->first == name)
                return it;
        return state.end();
    };
    for (qint64 n = 0; n <= last; ++n) {
        const qint64 k = n / 6;
        switch (n % 6) {
        case 0:
            state.emplace_back(slotName('s', k), document(n));
            break;
        case 1:
            find(slotName('s', k))->second = document(n);
            break;
        case 2:
            find(slotName('s', k))->first = slotName('t', k);
            break;
        case 3: {
            const auto t = find(slotName('t', k));
            state.insert(t + 1, {copyName(k), t->second});
            break;
        }
        case 4:
            state.erase(find(slotName('t', k)));
            break;
        default:
            if (k == 0)
                find(copyName(0))->second = document(n);
            else
                state.erase(find(copyName(k - 1)));
            break;
        }
    }
    return state;
}

} // namespace crashedits
