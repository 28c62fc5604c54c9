#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Chorus {

// What went wrong, for code and for people. Code branches on the kind, never on the text: the text is
// translated and names what and where ("/tmp/out/web1.out: No space left on device").
struct Error
{
    enum class Kind
    {
        BadInput,   // the caller's input is wrong; nothing was done
        NotFound,   // a file, folder or record that should be there is not
        Io,         // reading or writing failed (disk full, permissions, a device error)
        Conflict,   // two things would land in the same place, or something newer is in the way
        Unreadable, // a file is there but is not what it should be; it is kept as it was
    };
    Kind kind = Kind::Io;
    QString message;
};

// How a fallible operation reports, in every class that has been written or reworked since it came (after
// kio's Result and qBittorrent's nonstd::expected): a value, or an Error. [[nodiscard]], so a failure
// cannot be dropped by accident. Result<void> carries no value.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const Error &error() const { return *m_error; }
    QString message() const { return m_error ? m_error->message : QString(); }

private:
    std::optional<T> m_value;
    std::optional<Error> m_error;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString message() const { return m_error ? m_error->message : QString(); }

private:
    std::optional<Error> m_error;
};

inline Error fail(Error::Kind kind, const QString &message)
{
    return Error{kind, message};
}

} // namespace Chorus
