import { STRING } from "../../../lfe/builtins/string.ts";
import { binary, charlist, list } from "../../../runtime/terms.ts";
import { fn, is, raises, t } from "./_check.ts";
import { checkOtpCases } from "./_otp_cases.ts";

const s = (key: string) => fn(STRING, key);
const c = charlist;
const b = (text: string) => binary(text);

Deno.test("length counts grapheme clusters, of lists, binaries and nested data", () => {
  is(s("length/1")(c("abc")), 3);
  is(s("length/1")(b("abc")), 3);
  is(s("length/1")(c("a\r\nb")), 3);
  is(s("length/1")(c("e\u0301")), 1);
  is(s("length/1")(b("héllo")), 5);
  is(s("length/1")(t('("ab" #"cd")')), 4);
  is(s("length/1")(null), 0);
  raises(() => s("length/1")("a"), "function_clause");
  raises(() => s("length/1")(binary([255])), "#(badarg #B(255))");
});

Deno.test("trim takes white space or given separators from either end", () => {
  is(s("trim/1")(c("  ab  ")), '"ab"');
  is(s("trim/1")(b("  ab  ")), '#"ab"');
  is(s("trim/1")(c("\t\n ab \r\n")), '"ab"');
  is(s("trim/1")(c("\r\n a \r\n")), '"a"');
  is(s("trim/1")(c("  ")), "()");
  is(s("trim/1")(b("  ")), '#""');
  is(s("trim/1")(t("(160 97 160)")), "(160 97 160)"); // no-break space stays, as in OTP
  is(s("trim/1")(t("(133 97 11 12 8232)")), "(97)");
  is(s("trim/1")(t("(12288 97 98 32)")), "(12288 97 98)");
  is(s("trim/2")(c("  ab  "), "leading"), '"ab  "');
  is(s("trim/2")(c("  ab  "), "trailing"), '"  ab"');
  raises(() => s("trim/2")(c("  ab  "), "foo"), "function_clause");
  is(s("trim/3")(c("xyabyx"), "both", c("xy")), '"ab"');
  is(s("trim/3")(b("xxabxx"), "both", c("x")), '#"ab"');
  is(s("trim/3")(c("aba"), "both", c("ab")), "()");
  // A separator is found where it ends a grapheme cluster: "\n" ends "\r\n".
  is(s("trim/3")(c("a\r\n"), "trailing", c("\n")), '"a\r"');
  is(s("trim/3")(c("a\r\n"), "trailing", c("\r")), '"a\r\n"');
  is(s("trim/3")(c("a\r\n"), "trailing", t("((13 10))")), '"a"');
  is(s("trim/3")(c("ae\u0301"), "trailing", c("e")), c("ae\u0301"));
  is(s("trim/3")(c("ae\u0301"), "trailing", t("(769)")), '"ae"');
});

Deno.test("split at the first, the last or every match, in the kind it was given", () => {
  is(s("split/2")(c("a,b,c"), c(",")), '("a" "b,c")');
  is(s("split/3")(c("a,b,c"), c(","), "all"), '("a" "b" "c")');
  is(s("split/3")(c("a,b,c"), c(","), "trailing"), '("a,b" "c")');
  is(s("split/3")(b("a,b,c"), c(","), "all"), '(#"a" #"b" #"c")');
  is(s("split/2")(b("a,b,c"), b(",")), '(#"a" #"b,c")');
  is(s("split/2")(c("abc"), c(",")), '("abc")');
  is(s("split/2")(c("abc"), null), '("abc")');
  is(s("split/3")(c(",a,,b,"), c(","), "all"), '(() "a" () "b" ())');
  is(s("split/3")(c("a::b::c"), c("::"), "all"), '("a" "b" "c")');
  is(s("split/3")(c("aaa"), c("aa"), "trailing"), '("a" ())');
  is(s("split/3")(c("aaa"), c("aa"), "all"), '(() "a")');
  is(s("split/2")(c("a\r\nb"), c("\n")), '("a\r" "b")');
  is(s("split/2")(c("a\r\nb"), c("\r")), '("a\r\nb")');
  is(s("split/2")(c("a\r\nb"), c("\r\n")), '("a" "b")');
  is(s("split/3")(c("a\r\nb\r\nc"), c("\n"), "trailing"), '("a\r\nb\r" "c")');
  is(s("split/2")(c("ae\u0301b"), c("e")), list(c("ae\u0301b")));
  is(s("split/2")(c("ae\u0301b"), t("(769)")), '("ae" "b")');
  is(s("split/3")(t('("a," #"b,c")'), c(","), "all"), '("a" "b" "c")'); // OTP: ("a" #"b" #"c")
});

Deno.test("find, replace, lexemes, prefix", () => {
  is(s("find/2")(c("hello world"), c("o")), '"o world"');
  is(s("find/3")(c("hello world"), c("o"), "trailing"), '"orld"');
  is(s("find/2")(b("hello world"), c("o")), '#"o world"');
  is(s("find/3")(b("héllo"), c("l"), "trailing"), '#"lo"');
  is(s("find/2")(c("hello"), c("z")), "nomatch");
  is(s("find/2")(c("hello"), null), '"hello"');
  is(s("find/2")(c("a\r\nb"), c("\n")), '"\nb"');
  is(s("find/2")(c("a\r\nb"), c("\r")), "nomatch");
  is(s("find/3")(c("aaa"), c("aa"), "trailing"), '"aa"');
  raises(() => s("find/3")(c("ab"), c("b"), "all"), "function_clause");
  is(s("replace/3")(c("abcabc"), c("b"), c("x")), '("a" "x" "cabc")');
  is(s("replace/4")(c("abcabc"), c("b"), c("x"), "all"), '("a" "x" "ca" "x" "c")');
  is(s("replace/4")(b("abcabc"), c("b"), c("x"), "all"), '(#"a" "x" #"ca" "x" #"c")');
  is(s("replace/4")(c("abcabc"), c("b"), c("x"), "trailing"), '("abca" "x" "c")');
  is(s("replace/3")(c("abc"), null, c("x")), '("abc")');
  is(s("lexemes/2")(c("a,b,,c"), c(",")), '("a" "b" "c")');
  is(s("lexemes/2")(b("a,b,,c"), c(",")), '(#"a" #"b" #"c")');
  is(s("lexemes/2")(c("a b\tc"), c(" \t")), '("a" "b" "c")');
  is(s("lexemes/2")(c(""), c(",")), "()");
  is(s("lexemes/2")(c("a"), null), '("a")');
  is(s("lexemes/2")(c("a\r\nb"), c("\r\n")), '("a\r\nb")');
  is(s("lexemes/2")(c("a\r\nb"), t("((13 10))")), '("a" "b")');
  is(s("lexemes/2")(c("a\r\nb\nc\rd"), c("\n")), '("a\r" "b" "c\rd")');
  is(s("lexemes/2")(c("a\r\nb\nc\rd"), c("\r")), '("a\r\nb\nc" "d")');
  is(s("lexemes/2")(c("a\r\nb\nc\rd"), c("\r\n")), '("a\r\nb" "c" "d")');
  is(s("lexemes/2")(c("a,,b"), t("(44 (44 44))")), '("a" "b")');
  is(s("prefix/2")(c("abc"), c("ab")), '"c"');
  is(s("prefix/2")(b("abc"), c("ab")), '#"c"');
  is(s("prefix/2")(c("abc"), c("x")), "nomatch");
});

Deno.test("slice, reverse, pad, equal, is_empty", () => {
  is(s("slice/2")(c("hello"), 1), '"ello"');
  is(s("slice/3")(c("hello"), 1, 2), '"el"');
  is(s("slice/3")(b("hello"), 1, 2), '#"el"');
  is(s("slice/3")(b("héllo"), 1, 2), '#"él"');
  is(s("slice/3")(c("hello"), 10, 2), "()");
  is(s("slice/3")(c("hello"), 1, "infinity"), '"ello"');
  is(s("slice/3")(b("abc"), 1, 2n ** 70n), '#"bc"');
  is(s("slice/3")(c("ae\u0301b"), 1, 1), c("e\u0301"));
  raises(() => s("slice/3")(c("hello"), -1, 2), "function_clause");
  raises(() => s("slice/3")(c("abc"), 1, -1), "function_clause");
  is(s("reverse/1")(c("abc")), '"cba"');
  is(s("reverse/1")(b("abc")), '"cba"');
  is(s("reverse/1")(c("a\r\nb")), "(98 (13 10) 97)");
  is(s("reverse/1")(c("ae\u0301b")), "(98 (101 769) 97)");
  raises(() => s("reverse/1")("a"), "function_clause");
  is(s("pad/2")(c("ab"), 5), '("ab" 32 32 32)');
  is(s("pad/2")(b("ab"), 5), '(#"ab" 32 32 32)');
  is(s("pad/3")(c("ab"), 5, "leading"), '((32 32 32) "ab")');
  is(s("pad/3")(c("ab"), 5, "both"), '((32) "ab" (32) 32)');
  is(s("pad/3")(c("ab"), 6, "both"), '((32 32) "ab" (32 32))');
  is(s("pad/3")(b("ab"), 5, "both"), '((32) #"ab" (32) 32)');
  is(s("pad/3")(c("ab"), 2, "leading"), '(() "ab")');
  is(s("pad/3")(c("ab"), 2, "both"), '(() "ab" ())');
  is(s("pad/4")(c("ab"), 5, "trailing", 45), '("ab" 45 45 45)');
  is(s("pad/4")(c("ab"), 4, "both", c("xy")), '(("xy") "ab" ("xy"))');
  is(s("pad/2")(c("abcdef"), 3), '("abcdef")');
  is(s("pad/2")(c("ab"), -1), '("ab")');
  is(s("pad/2")(c("e\u0301"), 3), list(c("e\u0301"), 32, 32));
  raises(() => s("pad/2")(c("ab"), "a"), "function_clause");
  is(s("equal/2")(c("ab"), b("ab")), true);
  is(s("equal/2")(c("ab"), c("aB")), false);
  is(s("equal/2")(b("ab"), t('("a" #"b")')), true);
  is(s("is_empty/1")(c("")), true);
  is(s("is_empty/1")(b("")), true);
  is(s("is_empty/1")(t('(() #"")')), true);
  is(s("is_empty/1")(c("a")), false);
  is(s("is_empty/1")("a"), false);
});

Deno.test("to_integer and to_float read a number and give the rest", () => {
  is(s("to_integer/1")(c("123abc")), '#(123 "abc")');
  is(s("to_integer/1")(c("abc")), "#(error no_integer)");
  is(s("to_integer/1")(b("-12 x")), '#(-12 #" x")');
  is(s("to_integer/1")(c("+5")), "#(5 ())");
  is(s("to_integer/1")(c("12.5")), '#(12 ".5")');
  is(s("to_integer/1")(c("0x10")), '#(0 "x10")');
  is(s("to_integer/1")(b("12")), '#(12 #"")');
  is(s("to_integer/1")(c("-")), "#(error no_integer)");
  is(s("to_integer/1")(c(" 12")), "#(error no_integer)");
  is(s("to_integer/1")(t('(49 #"2" "3x")')), '#(123 "x")');
  is(
    s("to_integer/1")(c("123456789012345678901234567890")),
    t("#(123456789012345678901234567890 ())"),
  );
  is(s("to_integer/1")("a"), "#(error badarg)");
  is(s("to_float/1")(c("1.5abc")), '#(1.5 "abc")');
  is(s("to_float/1")(c("1.5e3")), "#(1500.0 ())");
  is(s("to_float/1")(c("1.5E+3x")), '#(1500.0 "x")');
  is(s("to_float/1")(c("-1.5e-3")), "#(-0.0015 ())");
  is(s("to_float/1")(c("1,5")), "#(1.5 ())");
  is(s("to_float/1")(c("1.0e")), '#(1.0 "e")');
  is(s("to_float/1")(c("1.5e3.5")), '#(1500.0 ".5")');
  is(s("to_float/1")(b("1.5 x")), '#(1.5 #" x")');
  for (const x of ["1", "1.", "1.e5", ".5", "abc", "  1.5", "1.5e400", "1_0.5"]) {
    is(s("to_float/1")(c(x)), "#(error no_float)", x);
  }
  is(s("to_float/1")("a"), "#(error badarg)");
});

Deno.test("upper and lower case: to_upper/to_lower on Latin-1 lists, uppercase on any text", () => {
  is(s("to_upper/1")(c("abc")), '"ABC"');
  is(s("to_upper/1")(97), 65);
  is(s("to_upper/1")(c("éaÿ×")), "(201 65 255 215)");
  is(s("to_lower/1")(c("ÀÉ\u0100")), "(224 233 256)");
  is(s("to_upper/1")(t('("ab" #"c")')), t('("ab" #"c")'));
  raises(() => s("to_upper/1")(b("abc")), "function_clause");
  raises(() => s("to_lower/1")(b("ABC")), "function_clause");
  is(s("uppercase/1")(c("éaß")), "(201 65 83 83)");
  is(s("uppercase/1")(b("éaß")), binary("ÉASS"));
  is(s("lowercase/1")(b("ÉA")), binary("éa"));
  is(s("uppercase/1")(t('(97 . #"b")')), '"AB"');
});

Deno.test("the old list functions: concat, len, join, str, rstr, tokens, substr, chars, copies", () => {
  is(s("concat/2")(c("ab"), c("cd")), '"abcd"');
  is(s("concat/2")(c("a"), "a"), "(97 . a)");
  raises(() => s("concat/2")(b("ab"), c("cd")), "badarg");
  raises(() => s("concat/2")("a", c("b")), "badarg");
  is(s("len/1")(c("abc")), 3);
  raises(() => s("len/1")(b("ab")), "badarg");
  is(s("join/2")(t('("a" "b")'), c(", ")), '"a, b"');
  is(s("join/2")(null, c(", ")), "()");
  is(s("join/2")(t('("a")'), c(", ")), '"a"');
  raises(() => s("join/2")(t('(#"a" "b")'), c(", ")), "badarg");
  raises(() => s("join/2")(t('("a" "b")'), b(",")), "badarg");
  is(s("str/2")(c("hello"), c("ll")), 3);
  is(s("str/2")(c("hello"), c("l")), 3);
  is(s("str/2")(c("hello"), c("z")), 0);
  is(s("str/2")(c("ab"), c("")), 0);
  is(s("rstr/2")(c("hello hello"), c("ll")), 9);
  is(s("rstr/2")(c("hello"), c("l")), 4);
  raises(() => s("str/2")(b("ab"), c("b")), "function_clause");
  is(s("tokens/2")(c("a,b,,c"), c(",")), '("a" "b" "c")');
  is(s("tokens/2")(c(" a  b "), c(" ")), '("a" "b")');
  is(s("tokens/2")(c(""), c(",")), "()");
  is(s("tokens/2")(c("abc"), c("")), '("abc")');
  raises(() => s("tokens/2")(b("a,b"), c(",")), "function_clause");
  is(s("substr/2")(c("hello"), 2), '"ello"');
  is(s("substr/3")(c("hello"), 2, 2), '"el"');
  is(s("substr/2")(c("hello"), 6), "()");
  is(s("substr/3")(c("hello"), 2, 10), '"ello"');
  is(s("substr/3")(c("hello"), 2, 0), "()");
  for (const n of [0, 7]) raises(() => s("substr/2")(c("hello"), n), "function_clause");
  raises(() => s("substr/3")(c("hello"), 2, -1), "function_clause");
  is(s("chars/2")(97, 3), '"aaa"');
  is(s("chars/3")(97, 3, c("b")), '"aaab"');
  is(s("chars/2")(97, 0), "()");
  raises(() => s("chars/2")("a", 2), "function_clause");
  raises(() => s("chars/2")(97, -1), "function_clause");
  is(s("copies/2")(c("ab"), 3), '"ababab"');
  is(s("copies/2")(c("ab"), 0), "()");
  raises(() => s("copies/2")(b("ab"), 3), "function_clause");
  raises(() => s("copies/2")(c("ab"), -1), "function_clause");
});

Deno.test("string: walking, taking and the old list functions give what OTP 25 gave", async () => {
  await checkOtpCases("string_more", 900);
});
