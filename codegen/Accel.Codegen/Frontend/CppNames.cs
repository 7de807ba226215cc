namespace Accel.Codegen.Frontend;

/// <summary>C++ keywords and names the generated code owns, which a C# identifier must not take.</summary>
internal static class CppNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "compl", "concept", "const_cast",
        "constexpr", "consteval", "constinit", "co_await", "co_return", "co_yield", "decltype", "delete", "dynamic_cast",
        "export", "extern", "friend", "inline", "mutable", "noexcept", "not", "not_eq", "nullptr", "or", "or_eq",
        "register", "reinterpret_cast", "requires", "signed", "static_assert", "static_cast", "template", "thread_local",
        "typedef", "typeid", "typename", "union", "unsigned", "xor", "xor_eq", "wchar_t", "char8_t", "char16_t", "char32_t",
        "accel", "std", "main",
        // keywords C++ shares with C#: a kernel name is a string, so it can still be one of them
        "bool", "break", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else",
        "enum", "explicit", "false", "float", "for", "goto", "if", "int", "long", "namespace", "new", "operator",
        "private", "protected", "public", "return", "short", "sizeof", "static", "struct", "switch", "this", "throw",
        "true", "try", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A name the generated C++ can use as a function name.</summary>
    public static bool IsValidIdentifier(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") && !IsReserved(name);

    public static bool IsReserved(string name) => Reserved.Contains(name);
}
