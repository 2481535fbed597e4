//! Every code's `explain` page, in English and Chinese side by side: the
//! one source of `planlint explain CODE` and of the generated
//! `docs/diagnostics.md` and `docs/diagnostics.zh.md`.
//!
//! A page is Markdown without its heading (`## \`code\``, added when
//! shown). The Chinese page says, for a drafter and a reviewer, what the
//! finding means, why it matters, an example and how to fix it; the plan
//! language stays in fenced examples and backticks. `docs/messages.md` says
//! how to add one.

use super::Lang;
use crate::codes::CodeInfo;

/// One code's page in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

impl Page {
    /// The page in `lang`, under its heading.
    pub fn render(&self, lang: Lang) -> String {
        let body = match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        };
        format!("## `{}`\n\n{body}", self.code)
    }
}

/// The head of `docs/diagnostics.md`; `{codes}` stands for the table of
/// codes.
pub const INTRO_EN: &str = r#"# Diagnostics

Everything planlint reports is a diagnostic with a stable **code** (such as
`omitted-obligation`), a **severity**, a one-line message, labels that point
into the plan and, where it helps, into the rules, and a `help` line that says
how to fix it. `planlint codes` lists every code with its default severity;
`planlint explain CODE` prints the code's section of this page.

This page is generated from `src/i18n/explain.rs`, which holds every
code's page in English and Chinese side by side (the Chinese pages are
`docs/diagnostics.zh.md`, and `planlint explain CODE --lang zh`); a test
fails when it differs: regenerate it with
`UPDATE_DOCS=1 cargo test --test it zh::`.

Every code, in English and Chinese (the summaries are the catalogue's,
`src/i18n/catalogue.rs`; `docs/catalogue.md` lists every message):

{codes}

Severities:

- **error**: the plan (or an input file) is wrong. Errors decide the exit status.
- **warning**: probably wrong, or impossible to judge; worth a reviewer's look.
- **info**: advisory. Every finding about an obligation of a higher document
  issued *after* the plan is lowered to `info`: it says what a revision of the
  plan must add, not what the plan got wrong. An obligation's own `severity`
  sets how serious its omission is (`omitted-obligation` uses it); without
  one, the ask's strength does, where the rules declare a strength lexicon
  (an ask only 鼓励d is a warning; see `omitted-obligation`).

Exit status of `planlint check`:

| status | meaning |
| --- | --- |
| 0 | no finding at or above the fail level (warnings and infos may be printed); or `--exit-zero` |
| 1 | at least one finding at or above the fail level: `error` by default, set by `--fail-level` or `fail-level` in `planlint.toml` (`docs/ci.md`) |
| 2 | a usage error; an invalid `planlint.toml` or flag (`config-error`) or `--baseline` file (`invalid-baseline`); a file that could not be read, decoded or parsed, or an output file that could not be written (`write-error`); or an invalid model (duplicate ids, unknown references, cycles, foreign links). planlint still prints every finding it could make on the rest of the plans; `--exit-zero` never turns 2 into 0 |

The codes fall into two groups. **Input errors** (`read-error` to
`foreign-link`) mean planlint could not read its input as written (the plans,
`planlint.toml`, a baseline), or, for `write-error`, could not write what it
was asked to; each of them makes a run exit 2, and their
severity cannot be changed. **Findings** (`omitted-obligation` onwards) are
what the checks find in plans that read correctly, and what the plans'
`suppress` statements and a baseline leave behind (`unused-suppression`,
`stale-baseline-entry`); `planlint.toml` and the flags `--deny`, `--warn`
and `--allow` can change their severity.

| code | severity | group |
| --- | --- | --- |
| `read-error` | error | input: reading files |
| `invalid-baseline` | error | input: the `--baseline` file |
| `config-error` | error | input: `planlint.toml` and the severity flags |
| `write-error` | error | output: a file planlint was asked to write |
| `syntax-error` | error | input: one file |
| `unknown-keyword` | error | input: one file |
| `invalid-value` | error | input: one file |
| `missing-property` | error | input: one file |
| `duplicate-property` | error | input: one file |
| `duplicate-document` | error | input: one file |
| `misplaced-statement` | error | input: one file |
| `missing-document` | error | input: one file |
| `duplicate-id` | error | input: all files together |
| `unknown-reference` | error | input: all files together |
| `cycle` | error | input: all files together |
| `foreign-link` | error | input: all files together |
| `omitted-obligation` | error (or the obligation's `severity`) | coverage |
| `undercut-target` | error | figures |
| `unstated-quantity` | warning | figures |
| `incomparable-units` | warning | figures |
| `unapportionable-quantity` | warning | figures |
| `dropped-element` | warning | coverage |
| `missing-responsible-unit` | warning | coverage |
| `exemption-without-reason` | error | exemptions |
| `non-exemptible-obligation` | error | exemptions |
| `contradictory-exemption` | warning | exemptions |
| `unused-exemption` | warning | exemptions |
| `expired-exemption` | warning | exemptions |
| `roll-up-shortfall` | error | sibling plans together |
| `roll-up-incomplete` | info | sibling plans together |
| `unused-suppression` | warning | suppressions |
| `stale-baseline-entry` | warning | baselines |

The examples below use a city outline `city.outline` (in `rules/`) whose
obligations `c.1`, `c.2`, … bind the city's districts, and the plan
`east.plan` of the district `city.east` (in `plans/`). Each code has a failing
and a passing fixture of exactly this shape under
`tests/fixtures/checks/<code>/`, with a `planlint.toml` or a `baseline.json`
beside the plans for the codes about those files."#;

/// The head of `docs/diagnostics.zh.md`, the same in Chinese.
pub const INTRO_ZH: &str = r#"# 问题代码说明

本工具报告的每个问题都有一个固定的**代码**（如 `omitted-obligation`）、一个**级别**、一句消息、指向方案（必要时也指向规则）的标注，以及说明如何修改的建议。`planlint codes` 列出每个代码及其默认级别；`planlint explain 代码` 显示本页中该代码的一节。

本页由 `src/i18n/explain.rs` 生成，该文件并列写有每个代码的英文和中文说明（英文版为 `docs/diagnostics.md`）。

全部代码：

{codes}

级别：

- **错误**：方案（或某个输入文件）有错。错误决定退出状态。
- **警告**：可能有错，或无法判断；值得审阅人看一看。
- **提示**：仅供参考。凡是涉及印发于本方案*之后*的上位文件的问题，一律降为提示：它说明方案修订时应补充什么，而不是方案写错了什么。要求自己的 `severity` 决定遗漏它的严重程度（`omitted-obligation` 采用它）；没有写明时，规则声明了语气词表的，按上位要求的语气强弱确定（仅「鼓励」的事项为警告，见 `omitted-obligation`）。

`planlint check` 的退出状态：

| 状态 | 含义 |
| --- | --- |
| 0 | 没有达到失败级别的问题（可能列出警告和提示）；或使用了 `--exit-zero` |
| 1 | 至少有一个问题达到失败级别：默认为错误，可用 `--fail-level` 或 `planlint.toml` 的 `fail-level` 设定（见 `docs/ci.md`） |
| 2 | 用法错误；`planlint.toml`、参数（`config-error`）或 `--baseline` 文件（`invalid-baseline`）无效；文件无法读取、解码或解析，或输出文件无法写入（`write-error`）；或模型无效（编号重复、引用未知编号、循环、越级关联）。本工具仍会列出其余方案中能发现的全部问题；`--exit-zero` 不会把 2 变为 0 |

代码分为两组。**输入错误**（从 `read-error` 到 `foreign-link`）表示本工具无法按所写内容读取输入（方案、`planlint.toml`、基线），`write-error` 则表示无法写出要求写出的文件；这些错误都使运行以状态 2 结束，其级别不能改变。**检查问题**（从 `omitted-obligation` 起）是各项检查在能够正确读取的方案中发现的问题，以及方案的 `suppress` 语句和基线遗留的问题（`unused-suppression`、`stale-baseline-entry`）；可以用 `planlint.toml` 和 `--deny`、`--warn`、`--allow` 参数改变其级别。

下面的示例使用一份市级纲要 `city.outline`（在 `rules/` 中），其要求 `c.1`、`c.2` 等约束该市各区；以及 `city.east` 区的方案 `east.plan`（在 `plans/` 中）。每个代码在 `tests/fixtures/checks/代码/` 下都有一组这样的不通过和通过的示例；涉及配置文件或基线的代码，方案旁另有 `planlint.toml` 或 `baseline.json`。"#;

/// Every code's page, in the order of `docs/diagnostics.md`.
pub const PAGES: &[Page] = &[
    Page {
        code: "read-error",
        en: r#"A file could not be read, or is not text in an encoding planlint reads.

**Default severity:** error (the run exits 2).

planlint reads `.plan` files as UTF-8 (a byte order mark is dropped), UTF-16
with a byte order mark, and GBK / GB18030 (with a
[`converted-encoding`](#converted-encoding) note). Bytes that are none of
these (damaged UTF-8, another legacy encoding, a binary file with NUL bytes),
a file larger than 4 MB, a path that does not exist, a file that cannot be
opened, or a directory that cannot be listed give this error, reported like a finding in every
output format and also on stderr, naming the file and, for bad bytes, the
byte offset of the first one, for example
``planlint: error[read-error]: cannot read `plans/east.plan`: not valid UTF-8
at byte 92; save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)``.
The other files are still checked. `docs/robustness.md` lists every case.

Bad: `plans/east.plan` with a stray byte `0xFF` at byte 92, or
`planlint check plans/esat.plan`.

Good: the same file saved as UTF-8 (with or without a BOM), and a path that exists.

**How to fix:** save the file as UTF-8 ("UTF-8" or "UTF-8 with BOM" in the
editor's encoding menu), or correct the path."#,
        zh: r#"文件无法读取，或不是本工具能读取的编码的文字。

**默认级别：** 错误（运行以状态 2 结束）。

本工具读取 `UTF-8` 编码的 `.plan` 文件（字节顺序标记会被去掉）、带字节顺序标记的 `UTF-16` 文件，以及 `GBK`/`GB18030` 文件（同时给出 `converted-encoding` 提示）。以下情形报告本错误：字节不属于上述任何编码（损坏的 `UTF-8`、其他旧编码、含 `NUL` 字节的二进制文件）；文件大于 4 兆字节；路径不存在；文件无法打开；目录无法列出。本错误在每种输出格式中都像其他问题一样列出，同时写到标准错误，写明文件名；字节有误时写明第一个错误字节的位置。其他文件照常检查。各种情形见 `docs/robustness.md`。

错误写法：`plans/east.plan` 第 92 字节处有一个多余的 `0xFF` 字节；或执行 `planlint check plans/esat.plan`（路径写错）。

正确写法：同一文件另存为 `UTF-8` 编码（带或不带字节顺序标记均可），路径存在。

**修改方法：** 在编辑器的编码菜单中选「`UTF-8`」或「带 `BOM` 的 `UTF-8`」另存文件，或改正路径。"#,
    },
    Page {
        code: "converted-encoding",
        en: r#"A file was not in UTF-8: it was read as GBK / GB18030 or as UTF-16 and
converted.

**Default severity:** info (the run's exit status does not change).

Windows machines in China still save text as GBK by default, and Notepad
offers "Unicode" (UTF-16). planlint detects these, reads the file, and says
so with a note at the top of the file, for example
``info[converted-encoding]: this file is in GBK/GB18030, not UTF-8; it was
converted when read``. Detection of GBK is a guess from the bytes (the
`chardetng` detector, then a strict GB18030 decode): a short file of few
Chinese characters may be taken for another encoding and refused with a
`read-error` instead.

Bad: `plans/east.plan` saved in GBK from Notepad.

Good: the same file saved as UTF-8.

**How to fix:** nothing is wrong with what planlint read; save the file as
UTF-8 so that other tools, diffs and reviewers see the same text."#,
        zh: r#"文件不是 `UTF-8` 编码：已按 `GBK`/`GB18030` 或 `UTF-16` 读取并转换。

**默认级别：** 提示（不影响运行的退出状态）。

国内的 `Windows` 电脑仍常以 `GBK` 保存文字，记事本还提供「`Unicode`」（即 `UTF-16`）。本工具能识别这些编码，照常读取，并在文件开头给出提示。`GBK` 是根据字节推断的：汉字很少的短文件可能被误认为其他编码，从而报告 `read-error`。

错误写法：用记事本以 `GBK` 保存的 `plans/east.plan`。

正确写法：同一文件另存为 `UTF-8` 编码。

**修改方法：** 本工具读到的内容没有问题；请将文件另存为 `UTF-8` 编码，以便其他工具、版本比对和审阅人看到相同的文字。"#,
    },
    Page {
        code: "empty-file",
        en: r#"A file is empty or holds only comments: it declares nothing.

**Default severity:** warning (the run's exit status does not change).

A district's plan saved before it was written, or a file whose statements
were all commented out, would otherwise pass without a word: planlint
checks what is declared, and an empty file declares nothing. The warning
points at the top of the file.

Bad: `plans/east.plan` of zero bytes, or of only `# 待填写` lines.

Good: the file holds its `document` and items, or is deleted.

**How to fix:** fill the file in, or delete it."#,
        zh: r#"文件为空或只有注释，没有任何声明。

**默认级别：** 警告（不影响运行的退出状态）。

本工具只检查已声明的内容。尚未填写就保存的区级方案，或全部语句都被注释掉的文件，如不提示就会悄无声息地通过检查。本警告指向文件开头。

错误写法：零字节的 `plans/east.plan`，或只有 `# 待填写` 之类注释行的文件。

正确写法：文件写有其 `document` 和各条目，或删除该文件。

**修改方法：** 补充文件内容，或删除该文件。"#,
    },
    Page {
        code: "invalid-baseline",
        en: r#"The file given to `check --baseline` cannot be read, is not JSON, or is not
a planlint baseline of a version this planlint reads.

**Default severity:** error (the run exits 2).

The error goes to stderr with the line and column of the first problem, for
example ``planlint: error[invalid-baseline]: baseline.json:5:3: not a planlint
baseline: trailing comma at line 5 column 3``; nothing is checked. A baseline
is JSON with one entry per line, as `planlint baseline` writes it (see
`docs/ci.md`).

Bad: an entry deleted by hand, leaving a comma before the closing `]`:

```json
{
  "version": 1,
  "entries": [
    {"plan":"east.plan","code":"omitted-obligation","about":"c.1","count":1},
  ]
}
```

Good: the file as `planlint baseline -o baseline.json` writes it.

**How to fix:** write the baseline again with `planlint baseline -o FILE`;
do not edit it by hand except to delete whole entries."#,
        zh: r#"`check --baseline` 指定的文件无法读取、不是 `JSON`，或不是本工具能读取的版本的基线文件。

**默认级别：** 错误（运行以状态 2 结束）。

错误写到标准错误，写明第一个问题所在的行和列，不进行任何检查。基线文件是 `JSON`，每行一个条目，由 `planlint baseline` 写出（见 `docs/ci.md`）。

错误写法：手工删除一个条目后，在结尾的 `]` 前留下了逗号：

```json
{
  "version": 1,
  "entries": [
    {"plan":"east.plan","code":"omitted-obligation","about":"c.1","count":1},
  ]
}
```

正确写法：由 `planlint baseline -o baseline.json` 写出的原样文件。

**修改方法：** 用 `planlint baseline -o 文件名` 重新生成基线；除删除整个条目外，不要手工编辑。"#,
    },
    Page {
        code: "config-error",
        en: r#"`planlint.toml`, or a flag that sets severities, is not valid: an unknown
key, an unknown code, a severity other than `error`, `warning`, `info` or
`allow`, a fail level other than `error`, `warning` or `info`, a glob that
does not parse, or an input-error code (such as `syntax-error`), whose
severity cannot be changed.

**Default severity:** error (the run exits 2).

planlint reads the `planlint.toml` of the working directory or of the
nearest directory above it, or the file named by `--config`. Errors go to
stderr, each with its line and column in the file; nothing is checked.

Bad:

```toml
[severity]
omited-obligation = "warning"   # unknown code: did you mean `omitted-obligation`?
```

Good:

```toml
[severity]
omitted-obligation = "warning"
```

**How to fix:** correct the key or value the message points at; `planlint
codes` lists the codes. See `docs/ci.md` for the file's keys."#,
        zh: r#"`planlint.toml` 或设定级别的参数无效：有未知的键或问题代码；级别不是 `error`、`warning`、`info` 或 `allow`；失败级别不是 `error`、`warning` 或 `info`；路径模式无法解析；或者试图改变输入错误（如 `syntax-error`）的级别，而输入错误的级别不能改变。

**默认级别：** 错误（运行以状态 2 结束）。

本工具读取当前目录或其上级目录中最近的 `planlint.toml`，或 `--config` 指定的文件。错误写到标准错误，各自写明在文件中的行和列；不进行任何检查。

错误写法：

```toml
[severity]
omited-obligation = "warning"   # 未知的代码：是否要写 omitted-obligation？
```

正确写法：

```toml
[severity]
omitted-obligation = "warning"
```

**修改方法：** 改正消息所指的键或取值；`planlint codes` 列出全部问题代码，配置文件的各个键见 `docs/ci.md`。"#,
    },
    Page {
        code: "write-error",
        en: r#"A file planlint was asked to write (`check --output-file FORMAT=PATH`,
`baseline -o FILE`, `report -o FILE`) could not be written: its directory
does not exist or is not a directory, or it cannot be written to.

**Default severity:** error (the run exits 2).

The error goes to stderr, naming the file and the system's reason, for
example ``planlint: error[write-error]: cannot write `out/findings.json`:
Not a directory (os error 20)``. The findings still go to stdout. Every file
is written to a temporary file beside it and renamed into place, so a file
that was there before is left as it was (`docs/robustness.md`).

Bad: `planlint check --output-file json=out/findings.json` where `out` is a
file, not a directory.

Good: the same command where `out/` is a directory.

**How to fix:** create the directory, or name a path that can be written."#,
        zh: r#"要求写出的文件（`check --output-file 格式=路径`、`baseline -o 文件`、`report -o 文件`）无法写入：所在目录不存在或不是目录，或没有写入权限。

**默认级别：** 错误（运行以状态 2 结束）。

错误写到标准错误，写明文件名和系统给出的原因。检查结果仍输出到标准输出。每个文件都先写入旁边的临时文件再改名替换，所以原有的文件保持不变（见 `docs/robustness.md`）。

错误写法：`out` 是一个文件而不是目录时，执行 `planlint check --output-file json=out/findings.json`。

正确写法：`out/` 是目录时执行同一命令。

**修改方法：** 建立该目录，或指定可以写入的路径。"#,
    },
    Page {
        code: "syntax-error",
        en: r#"The text is not a well-formed statement, string or block.

**Default severity:** error (the run exits 2).

Every statement is `keyword argument… { … }` (see `docs/language.md`). This
code covers a string without its closing `"` on the same line, an unknown
escape (only `\"`, `\\`, `\n`, `\t` exist), a `{` never closed, a `}` with no
block open, a line that does not start with an ASCII keyword, blocks nested
absurdly deep, a construct without its block (or a property with one), a
construct without its id, a property with too many or too few arguments,
an id broken by a space (`item xc.2.1 .2 {`: read joined, with the fix in
the help), and full-width punctuation where the language wants ASCII
(`；`, `｛`, `｝`: `` full-width `；` where `;` is meant ``, then read as the
ASCII one; `：`: `` full-width `：` in a statement ``, then read as a
blank). planlint reports every such error in a file, not only the first,
and one mistake gives one error: after a missing `}` the indentation shows
where the block should have ended, and the statements after it are read
as usual (`docs/language.md`, "Mistakes and recovery").

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育
  source 2.1.1
  implements c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**How to fix:** do what the `help` line says; most often, close the string
on the same line (write `\"` for a quote inside it) or add the missing `}`."#,
        zh: r#"文字不是完整的语句、字符串或代码块。

**默认级别：** 错误（运行以状态 2 结束）。

每条语句的形式都是「关键字 参数… { … }」（见 `docs/language.md`）。本代码包括：字符串在同一行内没有结束的 `"`；未知的转义（只有 `\"`、`\\`、`\n`、`\t`）；`{` 没有闭合，或 `}` 没有对应的块；一行不以半角关键字开头；块嵌套过深；结构缺少代码块（或属性带了代码块）；结构缺少编号；属性的参数过多或过少；编号中间断开（`item xc.2.1 .2 {`：按连写读取，建议中给出改法）；以及应当用半角标点的地方用了全角标点（`；`、`｛`、`｝` 按对应的半角符号读取，`：` 按空白读取）。本工具报告文件中的每一处这类错误，而不只是第一处；一处错误只报一次：缺少 `}` 时，按缩进判断块应在何处结束，其后的语句照常读取（见 `docs/language.md`「错误与恢复」）。

错误写法（字符串没有结束的引号）：

```
item e.1 {
  title "加强科学家精神宣传教育
  source 2.1.1
  implements c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**修改方法：** 按建议修改；最常见的是在同一行内补上字符串的结束引号（字符串中的引号写作 `\"`），或补上缺少的 `}`。"#,
    },
    Page {
        code: "unknown-keyword",
        en: r#"A keyword that the construct it stands in does not have.

**Default severity:** error (the run exits 2).

Each construct (`document`, `obligation`, `target`, `item`, `exempt`, …) takes
a fixed set of keywords. A misspelt one is reported with the closest keyword
("did you mean `implements`?"), or with the whole list when nothing is close.
What the statement said is ignored, so its consequences show up too: an item
whose `implements` is misspelt implements nothing.

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implement c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**How to fix:** use the keyword the `help` suggests; `docs/language.md` lists
the keywords of every construct."#,
        zh: r#"该结构没有这个关键字。

**默认级别：** 错误（运行以状态 2 结束）。

每种结构（`document`、`obligation`、`target`、`item`、`exempt` 等）只接受一组固定的关键字。拼错的关键字会给出最接近的写法（「是否要写 `implements`？」），没有接近的时列出全部关键字。该语句的内容被忽略，因此其后果也会显现：`implements` 拼错的条目不落实任何要求。

错误写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implement c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**修改方法：** 使用建议中的关键字；各结构的关键字见 `docs/language.md`。"#,
    },
    Page {
        code: "invalid-value",
        en: r#"A value that does not read as what the keyword takes.

**Default severity:** error (the run exits 2).

Examples: a date that does not exist (`2022-02-30`), a year that is not four
digits, a number with a thousands separator (`1,000`: write `1000` or `1千`),
a percentage above 100%, a rank other than `national`, `province`,
`prefecture`, `county`, an id in quotes, text without quotes, a citation that
is not a dotted path, an unknown `kind`, `severity`, `passes` or `per`, a
condition `applies_if` cannot read, a unit given twice, a document issued after
its period ended. The message names the value and the `help` shows the form
to write.

Bad:

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 25 }
}
```

Good:

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 2025 }
}
```

**How to fix:** write the value in the form the `help` line shows."#,
        zh: r#"取值不符合该关键字的要求。

**默认级别：** 错误（运行以状态 2 结束）。

例如：不存在的日期（`2022-02-30`）；不是四位数字的年份；带千位分隔符的数字（`1,000`，应写 `1000` 或 `1千`）；超过 100% 的百分比；`national`、`province`、`prefecture`、`county` 以外的级别；加了引号的编号；没加引号的文字；不是点分编号的原文编号；未知的 `kind`、`severity`、`passes` 或 `per`；`applies_if` 无法读取的条件；单位写了两次；文件印发日期晚于其规划期结束。消息写明该取值，建议给出应有的写法。

错误写法（年份只写了两位）：

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 25 }
}
```

正确写法：

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 2025 }
}
```

**修改方法：** 按建议所示的格式写出取值。"#,
    },
    Page {
        code: "missing-property",
        en: r#"A construct lacks a property it must have.

**Default severity:** error (the run exits 2).

Required: a document's `title`, `issued`, `rank` and `jurisdiction`; a
jurisdiction's `rank`; an obligation's and an item's `title` and `source`; an
observation's `jurisdiction`, `year` and `value`. The error points at the
construct's header. A property that is written but does not read is reported
as `invalid-value` instead, not as missing.

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育"
  implements c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**How to fix:** add the property inside the block; for `source`, cite the
item's place in the plan as a dotted path of its headings (二、(一) item 1 →
`2.1.1`)."#,
        zh: r#"结构缺少必需的属性。

**默认级别：** 错误（运行以状态 2 结束）。

必需的属性：文件的 `title`、`issued`、`rank` 和 `jurisdiction`；地区的 `rank`；要求和条目的 `title` 和 `source`；监测值的 `jurisdiction`、`year` 和 `value`。错误指向该结构的开头。写了但无法读取的属性报告为 `invalid-value`，而不是缺少。

错误写法（条目没有写原文编号）：

```
item e.1 {
  title "加强科学家精神宣传教育"
  implements c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**修改方法：** 在代码块中补上该属性；`source` 按条目在方案中的位置写各级标题的点分编号（二、(一)1 写作 `2.1.1`）。"#,
    },
    Page {
        code: "duplicate-property",
        en: r#"A property that takes one value is given twice, or a target has two figures.

**Default severity:** error (the run exits 2).

`title`, `name`, `source` and the figure of a target (`at_least`, `about`, …)
take one value; the last one written is used, which is rarely what the
drafter meant. Properties that take lists (`implements`, `units`,
`carries_out`, `refines`) may be repeated.

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  title "宣传科学家精神"
  implements c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**How to fix:** keep one value; for a target with two figures, split it into
two targets with their own metric ids."#,
        zh: r#"只能取一个值的属性写了两次，或一个指标写了两个数值。

**默认级别：** 错误（运行以状态 2 结束）。

`title`、`name`、`source` 和指标的数值（`at_least`、`about` 等）只取一个值；写两次时以后写的为准，这往往不是起草人的本意。取列表的属性（`implements`、`units`、`carries_out`、`refines`）可以重复。

错误写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  title "宣传科学家精神"
  implements c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**修改方法：** 只保留一个取值；一个指标有两个数值的，拆成两个指标，各用自己的指标编号。"#,
    },
    Page {
        code: "duplicate-document",
        en: r#"A file declares more than one document.

**Default severity:** error (the run exits 2).

Every `obligation`, `item` and `exempt` in a file belongs to the file's one
document, so a second `document` would make that ambiguous. The second
document is ignored.

Bad (`plans/east.plan`):

```
document east.plan { … }
item e.1 { … }
document west.plan { … }
```

Good: `plans/east.plan` holds `document east.plan` and its items;
`plans/west.plan` holds `document west.plan` and its items.

**How to fix:** move the second document, with its items, to a file of its own."#,
        zh: r#"一个文件声明了多个文件。

**默认级别：** 错误（运行以状态 2 结束）。

一个文件中的每个 `obligation`、`item` 和 `exempt` 都属于该文件声明的那一个文件；第二个 `document` 会使归属不明。第二个文件声明被忽略。

错误写法（`plans/east.plan`）：

```
document east.plan { … }
item e.1 { … }
document west.plan { … }
```

正确写法：`plans/east.plan` 只写 `document east.plan` 及其条目，`plans/west.plan` 只写 `document west.plan` 及其条目。

**修改方法：** 把第二个文件声明连同其条目移到单独的文件中。"#,
    },
    Page {
        code: "misplaced-statement",
        en: r#"A statement stands where it cannot: the `document` comes after obligations,
items or exemptions of the same file.

**Default severity:** error (the run exits 2).

The document header must come first so that a reader knows whose items
follow.

Bad:

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }

document east.plan { … }
```

Good:

```
document east.plan { … }

item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
```

**How to fix:** move the `document` block to the top of the file."#,
        zh: r#"语句位置不当：`document` 写在了同一文件的要求、条目或说明之后。

**默认级别：** 错误（运行以状态 2 结束）。

文件声明必须写在最前面，读者才能知道后面的条目属于哪个文件。

错误写法：

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }

document east.plan { … }
```

正确写法：

```
document east.plan { … }

item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
```

**修改方法：** 把 `document` 代码块移到文件开头。"#,
    },
    Page {
        code: "missing-document",
        en: r#"An obligation, item or exemption stands in a file without a document.

**Default severity:** error (the run exits 2).

Obligations, items and exemptions belong to the document of their file. A
file of them alone (for example a plan's targets split off into
`plans/east-targets.plan`) belongs to nothing; its declarations are ignored,
so what they implement is reported as omitted too. The error is given once per
file, at the first such declaration. Files of `jurisdiction` and `observe`
statements need no document.

Bad (`plans/east-targets.plan`):

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 2025 }
}
```

Good: the item moved into `plans/east.plan`, below `document east.plan { … }`.

**How to fix:** move the declarations into the file of their document, or start
the file with the `document` block they belong to."#,
        zh: r#"要求、条目或不落实说明所在的文件没有声明所属文件。

**默认级别：** 错误（运行以状态 2 结束）。

要求、条目和不落实说明属于所在文件声明的文件。只有这些内容的文件（例如把方案的发展目标单独拆到 `plans/east-targets.plan`）不属于任何文件，其中的声明被忽略，它们所落实的要求也会报告为未落实。每个文件只报告一次，指向第一处这类声明。只有 `jurisdiction` 和 `observe` 语句的文件不需要文件声明。

错误写法（`plans/east-targets.plan`）：

```
item e.2 {
  title "发展目标"
  source 1.3.1
  implements c.2
  target literacy { at_least 30%; by 2025 }
}
```

正确写法：把该条目移到 `plans/east.plan` 中 `document east.plan { … }` 之后。

**修改方法：** 把这些声明移到其所属文件的文件中，或在文件开头写上它们所属的 `document` 代码块。"#,
    },
    Page {
        code: "duplicate-id",
        en: r#"Two declarations of the same kind share an id.

**Default severity:** error (the run exits 2).

Ids of documents, jurisdictions, obligations and items are unique across all
files of a run (an obligation id names the same thing in every plan that
cites it). The second declaration is ignored, so whatever it implemented may
also be reported as omitted. The error points at the second declaration and
names the first.

Bad:

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
item e.1 { title "发展目标"; source 1.3.1; implements c.2 }
```

Good:

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
item e.2 { title "发展目标"; source 1.3.1; implements c.2 }
```

**How to fix:** rename one of them; by convention an item's id follows its
place in the plan (`xc.2.1.1` for 二、(一) item 1)."#,
        zh: r#"两处同类声明使用了同一个编号。

**默认级别：** 错误（运行以状态 2 结束）。

文件、地区、要求和条目的编号在一次运行的全部文件中必须唯一（同一个要求编号在引用它的每个方案中指同一项要求）。第二处声明被忽略，它所落实的要求也可能报告为未落实。错误指向第二处声明，并写明第一处。

错误写法：

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
item e.1 { title "发展目标"; source 1.3.1; implements c.2 }
```

正确写法：

```
item e.1 { title "加强科学家精神宣传教育"; source 2.1.1; implements c.1 }
item e.2 { title "发展目标"; source 1.3.1; implements c.2 }
```

**修改方法：** 修改其中一个编号；按惯例，条目编号依照其在方案中的位置（二、(一)1 的条目编号为 `xc.2.1.1`）。"#,
    },
    Page {
        code: "unknown-reference",
        en: r#"A reference to an id that nothing declares: an `implements`, `refines`,
`exempt`, `carries_out`, `jurisdiction` or `parent`.

**Default severity:** error (the run exits 2).

The message offers the closest declared id. The broken link is dropped, so
an obligation it was meant to cover is reported as omitted as well.

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.l
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**How to fix:** correct the id (the `help` suggests one), or add the file that
declares it to the run (`--rules DIR`)."#,
        zh: r#"引用的编号没有声明：`implements`、`refines`、`exempt`、`carries_out`、`jurisdiction` 或 `parent` 所写的编号不存在。

**默认级别：** 错误（运行以状态 2 结束）。

消息给出最接近的已声明编号。错误的关联被舍弃，因此它本应落实的要求也会报告为未落实。

错误写法（`c.l` 把数字 1 写成了字母）：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.l
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

**修改方法：** 改正编号（建议中会给出一个），或把声明该编号的文件加入本次运行（`--rules 目录`）。"#,
    },
    Page {
        code: "cycle",
        en: r#"Refinements, carries-out links or jurisdiction parents form a cycle.

**Default severity:** error (the run exits 2).

`refines` points from a lower obligation to the higher one it carries out,
`carries_out` from a plan to its higher documents, `parent` from a
jurisdiction to the one above it: each chain must end. The message names every
id on the cycle in order.

Bad:

```
obligation c.1 { title "开展科学家精神进校园活动"; source 3.1.1; refines c.2 }
obligation c.2 { title "建设科学家精神教育基地"; source 3.1.2; refines c.1 }
```

Good:

```
obligation c.1 { title "开展科学家精神进校园活动"; source 3.1.1 }
obligation c.2 { title "建设科学家精神教育基地"; source 3.1.2; refines c.1 }
```

**How to fix:** remove the link that points downward."#,
        zh: r#"细化、落实关系或地区隶属关系构成循环。

**默认级别：** 错误（运行以状态 2 结束）。

`refines` 从下级要求指向它所落实的上级要求，`carries_out` 从方案指向其上位文件，`parent` 从地区指向其上级地区：每条链都必须有尽头。消息按顺序列出循环中的每个编号。

错误写法：

```
obligation c.1 { title "开展科学家精神进校园活动"; source 3.1.1; refines c.2 }
obligation c.2 { title "建设科学家精神教育基地"; source 3.1.2; refines c.1 }
```

正确写法：

```
obligation c.1 { title "开展科学家精神进校园活动"; source 3.1.1 }
obligation c.2 { title "建设科学家精神教育基地"; source 3.1.2; refines c.1 }
```

**修改方法：** 删除指向下级的那一处关联。"#,
    },
    Page {
        code: "foreign-link",
        en: r#"An item implements, or an exemption exempts, an obligation of a document its
plan does not carry out.

**Default severity:** error (the run exits 2).

A plan is bound only by the documents in its `carries_out`; an `implements`
that reaches further (to a national obligation when the plan carries out only
the city outline) is usually a wrong id, or a missing `carries_out`. A plan
also does not implement its own obligations.

Bad:

```
document east.plan {
  …
  carries_out city.outline
}

item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1 n.12          # n.12 belongs to nation.opinions
}
```

Good:

```
document east.plan {
  …
  carries_out city.outline nation.opinions
}
```

or `implements` the city obligation that `refines n.12`.

**How to fix:** add the document to `carries_out`, or link the obligation of a
document the plan carries out that refines this one."#,
        zh: r#"条目落实的要求，或不落实说明所针对的要求，属于本方案并不落实的文件。

**默认级别：** 错误（运行以状态 2 结束）。

方案只受其 `carries_out` 所列文件的约束。方案只落实市级纲要，条目却关联到国家层面的要求，这通常是编号写错，或漏写了 `carries_out`。方案也不落实自身的要求。

错误写法（`n.12` 属于 `nation.opinions`）：

```
document east.plan {
  …
  carries_out city.outline
}

item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1 n.12
}
```

正确写法：

```
document east.plan {
  …
  carries_out city.outline nation.opinions
}
```

或改为关联细化 `n.12` 的市级要求。

**修改方法：** 把该文件加入 `carries_out`，或改为关联本方案所落实文件中细化该要求的条款。"#,
    },
    Page {
        code: "omitted-obligation",
        en: r#"An obligation the plan must carry out is neither implemented nor exempted.

**Default severity:** error; the obligation's `severity` overrides it, and it
is `info` when the higher document was issued after the plan. Without a
written `severity`, the severity follows the ask's strength: where the rules
declare a strength lexicon (`strength`, see `docs/language.md`) whose
`omitted <rank> <severity>` covers the strongest commitment of the
obligation's text (and of its title, for a bullet), that severity applies, and
the message says so: `no item implements `c.7` (…) (only 「鼓励」 asked:
warning by the strength lexicon)`. Omitting an ask the rules only encourage
is not the same as omitting one they require.

A plan owes every obligation of the documents it `carries_out` that binds its
rank (`binds`, by default every rank below the issuer) and applies to its
jurisdiction (`applies_if`). Something covers an obligation when an item
`implements` it, one of the plan's own obligations `refines` it, or either does
so for an obligation that refines it (coverage is traced through refinement).
A bullet with clauses is owed like each of its clauses: its own text is what
the clauses do not split off, so implementing a clause does not cover the
bullet. When nothing in the bullet is covered, one finding at the bullet;
otherwise one per obligation of it left out. The finding points at the plan's
`document` header, with a second label at the obligation in the rules.

Bad (`rules/city.plan` has `c.1` and `c.2`):

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}

item e.2 {
  title "建设科学家精神教育基地"
  source 2.1.2
  text "建设一批科学家精神教育基地。"
  implements c.2
}
```

or, if the plan leaves it out on purpose, `exempt c.2 { reason "…" }`.

**How to fix:** add an item with `implements <id>` where the plan carries the
obligation out (write the link from reading both texts, not from matching
numbers), or an exemption with the plan's reason."#,
        zh: r#"方案应落实的上位要求，既没有条目落实，也没有说明不落实的理由。

**默认级别：** 错误。规则为该要求写了 `severity` 的，以其为准；上位文件印发于本方案之后的，为提示。没有写 `severity` 时，级别依上位要求的语气强弱而定：规则声明了语气词表（`strength`，见 `docs/language.md`），且其 `omitted` 规定覆盖该要求文字（对无编号的「——」条目还包括其标题）中最强的承诺词的，采用该级别，消息中会写明，如「仅要求「鼓励」：按语气词表为警告」。遗漏上位文件只是鼓励的事项，与遗漏其明确要求的事项，性质不同。

方案应落实其 `carries_out` 所列文件中、约束本级（`binds`，默认约束发文机关以下各级）且适用于本地区（`applies_if`）的每一项要求。一项要求算作已落实，是指有条目 `implements` 它，或本方案自己的要求 `refines` 它，或者对细化它的下级要求这样做（落实关系沿细化关系追溯）。分为若干句的「——」条目，按其每一句分别计算：条目本身只算各句未拆出的文字，所以落实其中一句，不等于落实了整个条目。整个条目都未落实的，在该条目处报告一次；否则对每一处未落实的内容各报告一次。问题指向方案的 `document` 开头，另有一处标注指向规则中的该要求。

例如北京市纲要四、(三)第4项「实施科幻产业发展扶持计划」约束各区，西城区方案中没有任何条目落实它，也没有说明不落实，即报告本问题。

错误写法（`rules/city.plan` 有 `c.1` 和 `c.2`，方案只落实了 `c.1`）：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}

item e.2 {
  title "建设科学家精神教育基地"
  source 2.1.2
  text "建设一批科学家精神教育基地。"
  implements c.2
}
```

方案有意不落实的，写 `exempt c.2 { reason "…" }`。

**修改方法：** 在方案落实该要求的地方增加条目，写明 `implements 要求编号`（关联要根据两份文件的文字确定，不要只看编号是否对应）；或写不落实说明，说明本方案的理由。"#,
    },
    Page {
        code: "undercut-target",
        en: r#"A plan promises less than it owes: a lower figure (a higher one for an
`at_most` target), a yearly quantity smaller than its population share, or a
later deadline.

**Default severity:** error (`info` when the higher document was issued after
the plan).

Each target an item states is compared with the target of the same metric id
in every owed obligation the item covers. `passes floor` figures pass down as
they are (`about 28%` as a floor of 28%); `passes share` figures pass down as
the plan's share by resident population. The share is shown rounded up to
a whole number (`owed: 334 人次 a year`) but compared exactly, as the
fraction total × population / sum of populations, in whole numbers: an
`at_least` share is met by a figure ≥ the exact share, a `more_than` share
by a figure > it (so 334 exceeds a share of 333.33… shown as 334). A
deadline must not be later.

An obligation may owe several milestones of one metric (`literacy` 65.5% by
2025 and 66.6% by 2030). Each milestone (metric, year) is compared with the
plan's figure for the same metric and year, whichever item of the plan
states it; a figure for another year is not compared with it. Without a
figure for the owed year, the plan's latest figure for an earlier year is
held to it (an earlier deadline is no weaker), and failing that its
earliest figure for a later year, which is then a later deadline. A plan
with no figure of the metric at all gets `unstated-quantity`. A target
without a year is compared with every milestone. Where two documents bind the plan, the strictest figure is owed and
both are cited. The message and the JSON `figures` give the expected and the
actual figure; the `help` shows how a share was computed.

Bad (the city asks `at_least 1万 人次` a year, `passes share`; east holds
1234567 of the two districts' 2000000 residents):

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 5000 人次; per year }
}
```

Message: `` `e.3` promises 5000 人次 a year of `trained-public`, less than the
6173 人次 a year owed to `c.3` (4.5.3 「开展应急科普培训」) ``, with the help
`⌈10000 × 1234567 / 2000000⌉ = 6173`.

Good:

```
  target trained-public { at_least 6173 人次; per year }
```

**How to fix:** raise the figure, or bring the deadline forward, to what the
message says is owed."#,
        zh: r#"方案承诺的少于应承担的：数值更低（`at_most` 指标则为更高），年度数量少于按人口分摊的份额，或完成时限更晚。

**默认级别：** 错误（上位文件印发于本方案之后的，为提示）。

条目写明的每个指标，与该条目所落实的每项要求中同一指标编号的指标比较。`passes floor` 的数值原样下传（`about 28%` 作为 28% 的下限）；`passes share` 的数值按常住人口分摊给本方案。份额显示时向上取整（如「应承担：每年 334 人次」），但比较时按精确的分数「总量 × 本地人口 ÷ 各地人口之和」计算：`at_least` 的份额要求数值不低于精确份额，`more_than` 的份额要求数值高于精确份额（所以 334 超过 333.33… 的份额）。完成时限不得晚于上位要求。

一项要求可能对同一指标规定几个阶段目标（如 2025 年 65.5%、2030 年 66.6%）。每个阶段目标（指标、年份）与方案对同一指标、同一年份的数值比较，不论写在哪个条目中；其他年份的数值不与之比较。没有该年份的数值时，用方案中早于该年份的最近一个数值（时限提前不算降低要求），再没有则用晚于该年份的最早一个数值（即时限推迟）。方案完全没有该指标的数值的，报告 `unstated-quantity`。没有年份的指标与每个阶段目标比较。两个文件同时约束本方案的，按最严格的数值要求，并引用两者。消息和 `JSON` 的 `figures` 字段给出应有数值和实际数值，建议中写明份额的算法。

错误写法（市里要求每年不少于 1万 人次，`passes share`；东区常住人口 1234567 人，两区合计 2000000 人）：

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 5000 人次; per year }
}
```

消息指出每年 5000 人次低于应承担的每年 6173 人次，建议中写明 `⌈10000 × 1234567 / 2000000⌉ = 6173`。

正确写法：

```
  target trained-public { at_least 6173 人次; per year }
```

**修改方法：** 把数值提高到、或把完成时限提前到消息所说的应承担水平。"#,
    },
    Page {
        code: "unstated-quantity",
        en: r#"An item implements an obligation whose figure passes down to the plan, but
states no figure for it.

**Default severity:** warning (`info` when the higher document was issued
after the plan).

"We will train the public" without a number cannot be held to the city's
10000 人次 a year. Silent when nothing passes down (`passes none`, or a share
that rounds to zero) and when nothing covers the obligation (that is an
`omitted-obligation`). A qualitative target (`text "…"`) is owed too: the item
must state a target of that metric.

Bad:

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
}
```

Good:

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 6173 人次; per year }
}
```

**How to fix:** add `target <metric> { … }` to the item with the figure the
plan promises, at least what the message says is owed."#,
        zh: r#"条目落实了有数量要求的上位要求，但没有写明数量。

**默认级别：** 警告（上位文件印发于本方案之后的，为提示）。

「开展公众培训」而不写数量，就无法对照市里每年 10000 人次的要求。没有数量下传时（`passes none`，或份额取整为零）不报告；该要求没有任何条目落实时也不报告（那是 `omitted-obligation`）。定性指标（`text "…"`）同样要落实：条目必须写明该指标编号的指标。

例如西城区方案二、(二)2「组织开展职业技能提升培训」落实北京市纲要三、(三)第2项第4句「强化重点群体的就业创业培训」，该句的培训人次按常住人口分摊给各区，西城区每年应承担 506 人次，而条目没有写明数量，即报告本问题。

错误写法：

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
}
```

正确写法：

```
item e.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 6173 人次; per year }
}
```

**修改方法：** 在条目中增加 `target 指标编号 { … }`，写明方案承诺的数量，不低于消息所说的应承担数量。"#,
    },
    Page {
        code: "incomparable-units",
        en: r#"A stated figure cannot be compared with the owed one: its unit differs, or it
is yearly where the obligation counts a total (or the reverse).

**Default severity:** warning (`info` when the higher document was issued
after the plan).

planlint does not convert between 家 and 个, or between a yearly figure and a
total; neither can a reviewer without asking.

Bad (the city asks `at_least 10 个` by 2025):

```
item e.5 {
  title "建设科普基地"
  source 3.1.2
  implements c.5
  target bases { at_least 12 家; by 2025 }
}
```

Good:

```
  target bases { at_least 12 个; by 2025 }
```

**How to fix:** state the figure in the obligation's unit and period (`per
year` or not)."#,
        zh: r#"写明的数量无法与上位要求比较：计量单位不同，或一个是年度数量、一个是总量。

**默认级别：** 警告（上位文件印发于本方案之后的，为提示）。

本工具不在「家」与「个」之间换算，也不在年度数量与总量之间换算；审阅人不经询问也无法换算。

错误写法（市里要求 2025 年前不少于 10 个）：

```
item e.5 {
  title "建设科普基地"
  source 3.1.2
  implements c.5
  target bases { at_least 12 家; by 2025 }
}
```

正确写法：

```
  target bases { at_least 12 个; by 2025 }
```

**修改方法：** 按上位要求的单位和周期（是否 `per year`）写明数量。"#,
    },
    Page {
        code: "unapportionable-quantity",
        en: r#"A population share is owed, but it cannot be computed.

**Default severity:** warning (`info` when the higher document was issued
after the plan).

A `passes share` figure is shared among the jurisdictions of the plan's rank
below the issuer to which the obligation applies. That needs a `jurisdiction`
on both documents, a `population` on each of those jurisdictions, and the
plan's jurisdiction below the issuer's. The message names what is missing.
Populations that add up to more than a 64-bit count (18446744073709551615)
are also unapportionable: the sum is checked, never wrapped. A population
of 0 is an `invalid-value` on the jurisdiction, so no share is ever
computed from it.

Bad (`rules/jurisdictions.plan`):

```
jurisdiction city.west {
  name "西区"
  rank county "区"
  parent city
  attr agricultural yes
}
```

Good:

```
jurisdiction city.west {
  name "西区"
  rank county "区"
  parent city
  population 765433
  attr agricultural yes
}
```

**How to fix:** add the missing `population` (resident population, with its
source) or `jurisdiction`."#,
        zh: r#"应按人口分摊的份额无法计算。

**默认级别：** 警告（上位文件印发于本方案之后的，为提示）。

`passes share` 的数值，在发文机关以下、与本方案同级且适用该要求的各地区之间分摊。这需要两个文件都写明 `jurisdiction`，上述每个地区都写明 `population`，且本方案的地区隶属于发文机关的地区。消息写明缺少什么。各地人口之和超出 64 位整数范围（18446744073709551615）的，同样无法分摊：求和时会检查，不会溢出回绕。人口为 0 是该地区的 `invalid-value`，不会据此计算份额。

错误写法（`rules/jurisdictions.plan`，西区没有写常住人口）：

```
jurisdiction city.west {
  name "西区"
  rank county "区"
  parent city
  attr agricultural yes
}
```

正确写法：

```
jurisdiction city.west {
  name "西区"
  rank county "区"
  parent city
  population 765433
  attr agricultural yes
}
```

**修改方法：** 补上缺少的 `population`（常住人口，并注明来源）或 `jurisdiction`。"#,
    },
    Page {
        code: "dropped-element",
        en: r#"An element the obligation names is never mentioned by the items implementing
it.

**Default severity:** warning (`info` when the higher document was issued
after the plan).

An obligation's `elements` list the groups, topics or programmes its text
names; the text (title and `text`) of the items covering the obligation or its
clauses must mention each, or one of its `|` alternatives. A plan that takes
science into enterprises and villages but not communities carries the bullet
out only in part. Silent when the obligation is exempted.

Bad (the city's `c.6` has `elements "进企业" "进农村|进乡村" "进社区"`):

```
item e.6 {
  title "推动科普进基层"
  source 3.5.4
  text "组织科普活动进企业、进乡村。"
  implements c.6
}
```

Good:

```
  text "组织科普活动进企业、进乡村、进社区。"
```

**How to fix:** carry the element out in the item's text as the plan words
it; if the plan leaves it out on purpose, exempt the obligation with a reason."#,
        zh: r#"上位要求点名的内容，落实该要求的条目都没有提及。

**默认级别：** 警告（上位文件印发于本方案之后的，为提示）。

要求的 `elements` 列出其文字点名的群体、领域或项目；落实该要求（或其各句）的条目，其文字（标题和 `text`）必须提及每一项，或提及用 `|` 分隔的任一同义写法。方案推动科普进企业、进农村，却没有进社区，只落实了该条目的一部分。该要求已说明不落实的，不报告。

例如北京市纲要三、(一)第1项「加强科学精神、科学家精神的宣传教育」点名「科学家精神进校园」，西城区方案二、(一)1 落实了该项，却没有提及进校园，即报告本问题。

错误写法（市里的 `c.6` 写有 `elements "进企业" "进农村|进乡村" "进社区"`）：

```
item e.6 {
  title "推动科普进基层"
  source 3.5.4
  text "组织科普活动进企业、进乡村。"
  implements c.6
}
```

正确写法：

```
  text "组织科普活动进企业、进乡村、进社区。"
```

**修改方法：** 按方案的措辞在条目文字中落实该项内容；方案有意不落实的，对该要求写不落实说明并写明理由。"#,
    },
    Page {
        code: "superseded-basis",
        en: r#"A plan names as its basis a document that another document of the run
supersedes.

**Default severity:** warning (`info` when the superseding document was
issued after the plan).

Documents declare what they replace (`supersedes <id>`); the replaced one
needs only a stub (`document` with its title, number and date). Every title
in 《》 of an item's title and text is compared with the replaced titles: it
matches when it is the title exactly, or the title without its closing period
in brackets (《全民科学素质行动计划纲要》 for
《全民科学素质行动计划纲要(2006—2010—2020年)》), full- and half-width brackets
alike; 计划纲要 is not 规划纲要. The mention is a basis where a word before it in
its 分句 carries it out (贯彻, 实施, 落实, 依据, 根据, 按照, 执行, 遵循), and not
where the 分句 recalls it as history (自…以来, 曾).

Bad (`rules/old.plan` holds the stub `old.outline`, and the city's outline
says `supersedes old.outline`):

```
item e.1 {
  title "组织保障"
  source 4.1
  text "组织制订贯彻实施《全民科学素质行动计划纲要》的政策措施。"
}
```

Good:

```
  text "组织制订贯彻实施《示范市全民科学素质行动规划纲要(2021—2035年)》的政策措施。"
```

**How to fix:** name the document in force; where the mention is deliberate,
give the reason with `suppress superseded-basis { reason "…" }`."#,
        zh: r#"方案作为依据的文件，已被本次运行中的另一文件取代。

**默认级别：** 警告（取代它的文件印发于本方案之后的，为提示）。

文件声明其所取代的文件（`supersedes 编号`）；被取代的文件只需简要声明（`document` 及其标题、文号和日期）。条目标题和 `text` 中每个书名号《》内的标题都与被取代文件的标题比较：与标题完全相同，或与去掉末尾括号部分的标题相同（《全民科学素质行动计划纲要》即《全民科学素质行动计划纲要(2006—2010—2020年)》），全角、半角括号同等看待；「计划纲要」不同于「规划纲要」。所在分句中，书名号前有表示执行的词（贯彻、实施、落实、依据、根据、按照、执行、遵循）的，视为依据；分句只是回顾历史的（自…以来、曾），不视为依据。

错误写法（`rules/old.plan` 简要声明了 `old.outline`，市里的纲要写有 `supersedes old.outline`）：

```
item e.1 {
  title "组织保障"
  source 4.1
  text "组织制订贯彻实施《全民科学素质行动计划纲要》的政策措施。"
}
```

正确写法：

```
  text "组织制订贯彻实施《示范市全民科学素质行动规划纲要(2021—2035年)》的政策措施。"
```

**修改方法：** 改为现行有效的文件；确属有意提及的，用 `suppress superseded-basis { reason "…" }` 写明理由。"#,
    },
    Page {
        code: "text-figure-mismatch",
        en: r#"An item's `target` and its own text state different figures, or the text
states none.

**Default severity:** warning.

The figures of the item's `text` are read with the library's reader of
Chinese figures (`每年…不少于3万人次` is at least 30000 人次 a year). A target
agrees when a text figure in its unit has its value, and, where the text
states a comparator other than the reader's default "at least" (超过, 不超过,
左右 …), its comparator. A text figure in the unit with another value is a
mismatch (the message gives both, value and unit); no figure in the unit is
a target with no trace in the text. A target without a unit is not looked
for; figures in the text with no target are not this check's business
(`unstated-quantity` reports owed ones).

Bad:

```
item e.1 {
  title "开展应急培训"
  source 3.5.3
  text "每年培训社会公众不少于300人次。"
  implements c.2
  target trained { at_least 400 人次; per year }
}
```

Good:

```
  target trained { at_least 300 人次; per year }
```

**How to fix:** make the target say what the text says, or correct the text."#,
        zh: r#"条目的 `target` 与其自身文字写明的数量不一致，或文字中没有写明数量。

**默认级别：** 警告。

条目 `text` 中的数量由本工具的中文数量识别功能读取（「每年…不少于3万人次」即每年不少于 30000 人次）。文字中有同一单位、同一数值的数量，且文字所写的比较词（超过、不超过、左右等，默认为「不少于」）与指标一致的，视为一致。文字中同一单位的数量数值不同的，为不一致（消息写明双方的数值和单位）；文字中没有该单位的数量的，为指标在文字中没有依据。没有单位的指标不查找；文字中有数量而没有指标的，不属于本检查（应承担的数量由 `unstated-quantity` 报告）。

错误写法：

```
item e.1 {
  title "开展应急培训"
  source 3.5.3
  text "每年培训社会公众不少于300人次。"
  implements c.2
  target trained { at_least 400 人次; per year }
}
```

正确写法：

```
  target trained { at_least 300 人次; per year }
```

**修改方法：** 使指标与文字所写一致，或改正文字。"#,
    },
    Page {
        code: "weakened-commitment",
        en: r#"An item carries out an ask with a weaker commitment than the ask's own.

**Default severity:** warning (`info` when the higher document was issued
after the plan).

Read with the strength lexicon the rules declare (`strength`, see
`docs/language.md`; nothing is reported without one). For each owed
obligation with a `text` and each item that `implements` it, every 分句 of
the text whose commitment the lexicon can read is matched with the item's
sentence that carries it (the sentence most like it by the library's
similarity ranker, character-bigram BM25, among those naming the same element
where one is named) and the 分句 of that sentence; where the two share enough of the ask's object, the item
falls short when:

- its verb is weaker: by two ranks, or by one where the ask builds something
  (a `nouns` word: 构建…机制 → 推动…); serial compounds rank by their weakest
  part (推动建立, 探索建立), and a `joins` verb (积极参加 the city's 行动) is never
  weaker;
- the ask builds a 机制/制度/体系 and the item's 分句 names none;
- a narrowing qualifier (逐步, 试点) stands before its verb or ends it, where
  the ask has none or a wider one (a qualifier inside the object, 有条件的工业遗产,
  is not one);
- the ask recurs (每年) and the item's sentence does not, where no yearly
  figure is owed (`unstated-quantity` reports that);
- the ask forbids (不得, 严禁, 不再; never 不断 or 不少于) and the item does not.

One finding per obligation and item, quoting both phrases. It cannot judge
a verb outside the lexicon, an object narrowed by other words, or a
sentence that shares too little with the ask to be told apart; it says
nothing then.

Bad (`rules/city.plan` has `c.8` with `text "构建科技文化旅游融合发展机制"`):

```
item e.8 {
  title "推动融合发展"
  source 3.3.2
  text "推动科普、文化旅游等融合发展。"
  implements c.8
}
```

Good:

```
  text "构建科普、文化旅游融合发展机制。"
```

**How to fix:** promise what the ask promises; where the plan cannot, keep
the weaker wording and give the reason with `suppress weakened-commitment
<obligation> { reason "…" }`."#,
        zh: r#"条目落实上位要求时，承诺弱于上位要求本身。

**默认级别：** 警告（上位文件印发于本方案之后的，为提示）。

依据规则声明的语气词表判断（`strength`，见 `docs/language.md`；没有词表时不报告）。对每项有 `text` 的应落实要求和每个 `implements` 它的条目，要求文字中语气可以判断的每个分句，都与条目中落实它的句子（按字符二元组相似度排序最相近的句子；要求点名了某项内容的，限于提及同一内容的句子）及该句的分句对照；两者在要求的对象上有足够多的共同文字时，以下情形视为条目弱于要求：

- 动词弱于要求：弱两级；或要求是建设性的（词表 `nouns` 中的词，如「构建…机制」改为「推动…」）时弱一级；连用的动词按其中最弱的计（推动建立、探索建立）；表示参与的动词（积极参加市里的行动）不视为减弱；
- 要求建立机制、制度或体系，而条目的分句没有提及；
- 动词前或句末有限缩性修饰语（逐步、试点），而要求没有或范围更宽（对象内部的修饰语，如「有条件的工业遗产」，不算）；
- 要求是经常性的（每年），而条目的句子不是，且没有应承担的年度数量（那由 `unstated-quantity` 报告）；
- 要求是禁止性的（不得、严禁、不再；「不断」「不少于」不算），而条目不是。

每项要求与每个条目至多报告一次，引用双方的措辞。例如北京市纲要四、(三)第1项第4句要求「构建科技文化旅游融合发展机制」，西城区方案三、(三)2 写为「推动科普、文化旅游、金融科技等融合发展」：以「推动」代替「构建」，且缺少「机制」。词表以外的动词、被其他词语限缩的对象、与要求共同文字太少而无法区分的句子，无法判断，不报告。

错误写法（`rules/city.plan` 中 `c.8` 的文字为「构建科技文化旅游融合发展机制」）：

```
item e.8 {
  title "推动融合发展"
  source 3.3.2
  text "推动科普、文化旅游等融合发展。"
  implements c.8
}
```

正确写法：

```
  text "构建科普、文化旅游融合发展机制。"
```

**修改方法：** 按上位要求的力度作出承诺；方案确实做不到的，保留较弱的措辞，并用 `suppress weakened-commitment 要求编号 { reason "…" }` 写明理由。"#,
    },
    Page {
        code: "missing-responsible-unit",
        en: r#"An item names no responsible unit (责任单位) where one is required.

**Default severity:** warning.

Required where the plan's document says `requires_units yes`, or where the
item implements an owed obligation with `requires_units yes`. An item that
implements only targets (obligations of kind `target`, a plan's 发展目标) is a
statement of goals, not a task, and needs none.

Bad (`document east.plan { … requires_units yes }`):

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

Good:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
  units "区教委" "区科协"
}
```

**How to fix:** add `units "…"` naming the units as the plan's text lists
them after the item."#,
        zh: r#"应写明责任单位的条目没有写明。

**默认级别：** 警告。

方案的文件声明写有 `requires_units yes`，或条目落实的应落实要求写有 `requires_units yes` 的，条目必须写明责任单位。只落实指标类要求（`target` 类的要求，即方案的发展目标）的条目是目标表述而非任务，不需要责任单位。

错误写法（`document east.plan { … requires_units yes }`）：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
}
```

正确写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1
  units "区教委" "区科协"
}
```

**修改方法：** 按方案条目后所列的责任单位，增加 `units "…"`。"#,
    },
    Page {
        code: "exemption-without-reason",
        en: r#"An exemption gives no reason.

**Default severity:** error.

An exemption claims that an obligation that binds the plan does not fit it; a
reviewer must be able to weigh the claim.

Bad:

```
exempt c.2 {
  approved_by "区科协"
}
```

Good:

```
exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
  approved_by "区科协"
}
```

**How to fix:** add `reason "…"`, quoting the plan's own words where it gives
one; `basis`, `approved_by` and `expires` are optional."#,
        zh: r#"不落实说明没有写明理由。

**默认级别：** 错误。

不落实说明表示某项约束本方案的要求不适合本地；审阅人必须能够判断这一说法是否成立。

错误写法：

```
exempt c.2 {
  approved_by "区科协"
}
```

正确写法：

```
exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
  approved_by "区科协"
}
```

**修改方法：** 增加 `reason "…"`，方案自己写有理由的，引用原文；`basis`、`approved_by` 和 `expires` 可以不写。"#,
    },
    Page {
        code: "non-exemptible-obligation",
        en: r#"An exemption of an obligation that the rules mark `exemptible no`.

**Default severity:** error.

Some requirements bind every plan whatever its circumstances (a target, a
funding line). The plan must carry them out; this error takes the place of
the `omitted-obligation` the exemption would otherwise hide.

Bad (the city's `c.2` has `exemptible no`):

```
exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
}
```

Good:

```
item e.2 {
  title "建设科学家精神教育基地"
  source 2.1.2
  implements c.2
}
```

**How to fix:** remove the exemption and carry the obligation out."#,
        zh: r#"对规则标明 `exemptible no`（不得说明不落实）的要求作了不落实说明。

**默认级别：** 错误。

有些要求无论情况如何都约束每个方案（例如指标、经费保障）。方案必须落实；本错误代替了不落实说明原本会掩盖的 `omitted-obligation`。

错误写法（市里的 `c.2` 写有 `exemptible no`）：

```
exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
}
```

正确写法：

```
item e.2 {
  title "建设科学家精神教育基地"
  source 2.1.2
  implements c.2
}
```

**修改方法：** 删除该不落实说明，并落实该要求。"#,
    },
    Page {
        code: "contradictory-exemption",
        en: r#"A plan exempts an obligation and implements it anyway.

**Default severity:** warning.

One of the two is wrong, and a reviewer cannot tell which the drafters meant.

Bad:

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1 c.2
}

exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
}
```

Good: the same item without the exemption (or the exemption without `c.2` in
`implements`).

**How to fix:** remove the exemption if the plan carries the obligation out,
or the `implements` link if it does not."#,
        zh: r#"方案对某项要求作了不落实说明，却又有条目落实了它。

**默认级别：** 警告。

两者必有一个是错的，审阅人无法判断起草人的本意。

错误写法：

```
item e.1 {
  title "加强科学家精神宣传教育"
  source 2.1.1
  implements c.1 c.2
}

exempt c.2 {
  reason "区内无高校和科研院所，不具备建设条件"
}
```

正确写法：保留该条目，删除不落实说明（或保留不落实说明，从 `implements` 中去掉 `c.2`）。

**修改方法：** 方案落实了该要求的，删除不落实说明；没有落实的，删除 `implements` 中的关联。"#,
    },
    Page {
        code: "unused-exemption",
        en: r#"An exemption of an obligation that does not bind the plan anyway.

**Default severity:** warning.

An obligation whose `applies_if` is false for the plan's jurisdiction, that
binds another rank or only its issuer (`binds issuer`), or that belongs to an
annual document of another year is not owed, so it needs no exemption. An
unused exemption hides the ones that matter and is often a sign of a wrong id.

Bad (the city's `c.7` has `applies_if agricultural`; east has `attr
agricultural no`):

```
exempt c.7 {
  reason "东区没有农业人口"
}
```

Good: no exemption; nothing is owed.

**How to fix:** remove the exemption."#,
        zh: r#"对并不约束本方案的要求作了不落实说明。

**默认级别：** 警告。

要求的 `applies_if` 对本方案的地区不成立，或约束的是其他级别、只约束发文机关本身（`binds issuer`），或属于其他年度的年度文件，都不是本方案应落实的要求，不需要不落实说明。多余的说明会掩盖真正需要的说明，也往往说明编号写错了。

错误写法（市里的 `c.7` 写有 `applies_if agricultural`，东区写有 `attr agricultural no`）：

```
exempt c.7 {
  reason "东区没有农业人口"
}
```

正确写法：不写不落实说明，本方案无需落实该要求。

**修改方法：** 删除该不落实说明。"#,
    },
    Page {
        code: "expired-exemption",
        en: r#"An exemption past its `expires` date.

**Default severity:** warning.

Expiry is judged against `--as-of DATE` (default today). An expired
exemption excuses nothing, so the obligation is reported as
`omitted-obligation` as well.

Bad (with `--as-of 2025-01-01`):

```
exempt c.2 {
  reason "教育基地选址尚未确定"
  approved_by "区科协"
  expires 2024-06-30
}
```

Good:

```
exempt c.2 {
  reason "教育基地选址尚未确定"
  approved_by "区科协"
  expires 2025-12-31
}
```

**How to fix:** carry the obligation out, or renew the exemption with a new
date and whoever approved it."#,
        zh: r#"不落实说明已超过其 `expires` 日期。

**默认级别：** 警告。

是否过期以 `--as-of 日期` 为准（默认为当天）。过期的说明不再有效，因此该要求同时报告为 `omitted-obligation`。

错误写法（使用 `--as-of 2025-01-01`）：

```
exempt c.2 {
  reason "教育基地选址尚未确定"
  approved_by "区科协"
  expires 2024-06-30
}
```

正确写法：

```
exempt c.2 {
  reason "教育基地选址尚未确定"
  approved_by "区科协"
  expires 2025-12-31
}
```

**修改方法：** 落实该要求，或经原批准单位同意后延长说明的有效期。"#,
    },
    Page {
        code: "duplicate-plan",
        en: r#"Two plans of one jurisdiction carry out the same document for the same
period.

**Default severity:** warning.

The plans of a run are grouped by (jurisdiction, document carried out,
period). An annual work plan beside the long-term plan of the same district
is legitimate: two periods, two groups, and each period rolls up on its own.
Two plans in one group, such as a draft left beside the adopted plan, are
reported, naming both files, because a roll-up adds one figure per
jurisdiction and must choose. **Which counts:** the plan issued last (a
revision supersedes what it revises); of plans issued the same day, the
first by file name. Before this check, the roll-up silently took the first
plan by file name, so renaming a file decided whether `roll-up-shortfall`
appeared. Each plan is still checked on its own.

Bad (`plans/east-draft.plan`, issued 2022-06-01, beside `plans/east.plan`,
issued 2022-09-01, both for 2021–2035):

```
document east.draft {
  issued 2022-06-01
  period 2021-2035
  jurisdiction city.east
  carries_out city.outline
}
```

Message: ``` `plans/east.plan` and `plans/east-draft.plan` both carry out
`city.outline` for 东区, period 2021–2035; roll-ups count `plans/east.plan`
(issued later) ```.

Good: only `plans/east.plan` in the run, or the draft with the period it
covers.

**How to fix:** leave the superseded plan out of the run, or give each plan
the period it covers."#,
        zh: r#"同一地区的两个方案在同一规划期内落实同一文件。

**默认级别：** 警告。

一次运行中的方案按（地区、所落实的文件、规划期）分组。同一区的年度工作计划与长期方案并存是正常的：两个规划期，两组，各自汇总。同一组中有两个方案的（例如通过稿旁边留着征求意见稿），报告本警告并写明两个文件，因为汇总时每个地区只计一个数值，必须选定一个。**以哪个为准：** 印发最晚的方案（修订稿取代被修订的方案）；同一天印发的，按文件名排在前面的。每个方案仍各自检查。

错误写法（`plans/east-draft.plan` 印发于 2022-06-01，与印发于 2022-09-01 的 `plans/east.plan` 并存，规划期均为 2021—2035 年）：

```
document east.draft {
  issued 2022-06-01
  period 2021-2035
  jurisdiction city.east
  carries_out city.outline
}
```

消息指出两个文件在同一规划期内都落实 `city.outline`，汇总以后印发的 `plans/east.plan` 为准。

正确写法：本次运行只包含 `plans/east.plan`，或征求意见稿写明其实际覆盖的规划期。

**修改方法：** 把已被取代的方案排除在本次运行之外，或为每个方案写明其覆盖的规划期。"#,
    },
    Page {
        code: "roll-up-shortfall",
        en: r#"When all the sibling plans are checked together, their figures for a shared
quantity sum to less than the higher total.

**Default severity:** error.

For each `passes share` target, planlint sums the figures that the plans of
every jurisdiction it is shared among state for it, one sum per period of
the plans (see `duplicate-plan` for which plan counts when a jurisdiction
has two for one period). Each plan can come close
to its share and the city still fall short; only the sum shows it. The finding
points at the obligation in the rules.

Bad (the city asks 10000 人次 a year; east promises 6173, west 3000):

```
# plans/west.plan
item w.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 3000 人次; per year }
}
```

Message: ``the 2 county plans promise 9173 人次 a year of `trained-public`
together, less than the 10000 人次 a year of `c.3` …``, next to west's
`undercut-target`.

Good:

```
  target trained-public { at_least 3828 人次; per year }
```

**How to fix:** raise the figures of the plans that state less than their
share; their `undercut-target` and `unstated-quantity` findings name them."#,
        zh: r#"同级各方案一起检查时，各方案对同一分担数量承诺的合计，低于上位总量。

**默认级别：** 错误。

对每个 `passes share` 指标，本工具把分担该数量的各地区方案所写的数值相加，每个规划期各求一个合计（一个地区同一规划期有两个方案时以哪个为准，见 `duplicate-plan`）。每个方案都可能接近自己的份额，而全市合计仍然不足；只有合计才能看出。问题指向规则中的该要求。

错误写法（市里要求每年 10000 人次；东区承诺 6173，西区承诺 3000）：

```
# plans/west.plan
item w.3 {
  title "开展应急科普培训"
  source 3.5.3
  implements c.3
  target trained-public { at_least 3000 人次; per year }
}
```

消息指出两个区级方案合计每年 9173 人次，低于 `c.3` 要求的每年 10000 人次；西区同时报告 `undercut-target`。

正确写法：

```
  target trained-public { at_least 3828 人次; per year }
```

**修改方法：** 提高低于其份额的方案的数值；这些方案的 `undercut-target` 和 `unstated-quantity` 会指出是哪些。"#,
    },
    Page {
        code: "roll-up-incomplete",
        en: r#"A shared quantity's roll-up cannot be judged: some sibling plans are not in
the run.

**Default severity:** info.

When some, but not all, of the jurisdictions a `passes share` figure is shared
among have a plan in the run, the sum cannot be judged yet. The finding names
the jurisdictions without a plan (the first five, then how many more). Each
period of the plans rolls up on its own; when a jurisdiction missing from
one period has a plan for another, the message says which period lacks it
(`has no plan for 2024 in this run`).

Bad: `planlint check plans/east.plan` when the city's figure is shared
between east and west.

Good: `planlint check` (or `planlint check plans/`) with `plans/east.plan` and
`plans/west.plan` both present.

**How to fix:** check every sibling plan in one run, or accept the finding
until the missing plans are encoded."#,
        zh: r#"同级方案不全，分担数量的合计无法判断。

**默认级别：** 提示。

分担某个 `passes share` 数值的各地区中，只有一部分在本次运行中有方案时，合计暂时无法判断。消息列出没有方案的地区（前五个，再写明还有几个）。各规划期分别汇总；某地区在一个规划期没有方案、在另一规划期有方案的，消息写明缺少的是哪个规划期。

错误写法：市里的数值由东区和西区分担，却只执行 `planlint check plans/east.plan`。

正确写法：`plans/east.plan` 和 `plans/west.plan` 都在时，执行 `planlint check`（或 `planlint check plans/`）。

**修改方法：** 在一次运行中检查所有同级方案；缺少的方案录入之前，可以接受本提示。"#,
    },
    Page {
        code: "unused-suppression",
        en: r#"A `suppress` statement in a plan suppresses no finding.

**Default severity:** warning.

The finding it was written for is gone (the plan was fixed), or the
statement names a code or obligation that does not exist or has no finding
in this plan; the `help` line says which, with "did you mean" for a
misspelt name. A `suppress` without its `reason` suppresses nothing either,
and is a `missing-property` error.

Bad: `suppress omitted-obligation c.1 { reason "…" }` in a plan whose item
`e.1` implements `c.1`; or `suppress c.11 { reason "…" }` when no `c.11`
exists.

Good: the same statement in a plan that has no item for `c.1`: it takes the
omission out of the verdict (the summary counts it as suppressed).

**How to fix:** remove the statement, or correct the code or obligation it
names."#,
        zh: r#"方案中的 `suppress` 语句没有抑制任何问题。

**默认级别：** 警告。

它所针对的问题已经不存在（方案已修正），或者语句所写的问题代码或要求编号不存在、在本方案中没有问题；建议中写明是哪种情况，拼写错误的还会给出「是否要写…」。没有 `reason` 的 `suppress` 也不抑制任何问题，并报告 `missing-property` 错误。

错误写法：方案中条目 `e.1` 已落实 `c.1`，却仍写有 `suppress omitted-obligation c.1 { reason "…" }`；或者并不存在 `c.11`，却写有 `suppress c.11 { reason "…" }`。

正确写法：在没有落实 `c.1` 的方案中写同一语句：它把该遗漏排除在结论之外（汇总行将其计为已豁免）。

**修改方法：** 删除该语句，或改正其中的问题代码或要求编号。"#,
    },
    Page {
        code: "stale-baseline-entry",
        en: r#"An entry of the `--baseline` file matches no current finding (or fewer
findings than its `count`): the finding it recorded was fixed.

**Default severity:** warning.

The finding points at the entry's line in the baseline. Entries about plans
the run did not check are not reported. The baseline should only ever
shrink: a stale entry would silently accept the same finding if it came
back.

Bad: the entry `{"plan":"east.plan","code":"omitted-obligation","about":"c.1","count":1}`
after item `e.1` came to implement `c.1`.

Good: the baseline written again by `planlint baseline`, without the entry.

**How to fix:** run `planlint baseline` again to write the smaller baseline
(or delete the entry). `--deny stale-baseline-entry` makes CI insist on it."#,
        zh: r#"`--baseline` 文件中的条目已不对应任何当前问题（或对应的问题少于其 `count`）：它所记录的问题已修正。

**默认级别：** 警告。

问题指向该条目在基线文件中的行。关于本次未检查的方案的条目不报告。基线只应越来越小：过时的条目会在同一问题再次出现时悄悄把它放过。

错误写法：条目 `e.1` 已落实 `c.1` 之后，基线中仍有条目 `{"plan":"east.plan","code":"omitted-obligation","about":"c.1","count":1}`。

正确写法：由 `planlint baseline` 重新写出、不含该条目的基线。

**修改方法：** 再次运行 `planlint baseline` 写出更小的基线（或删除该条目）。`--deny stale-baseline-entry` 可以让持续集成强制要求这样做。"#,
    },
];

/// The page of a code.
pub fn page(code: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.code == code)
}

/// `docs/diagnostics.md` (English) or `docs/diagnostics.zh.md` (Chinese):
/// the head, the table of `codes` (the registry's), and every page.
pub fn markdown(lang: Lang, codes: &[&CodeInfo]) -> String {
    let (intro, table) = match lang {
        Lang::En => (
            INTRO_EN,
            super::catalogue::codes_table(codes.iter().copied()),
        ),
        Lang::Zh => (INTRO_ZH, codes_table_zh(codes)),
    };
    let mut out = intro.replace("{codes}", table.trim_end());
    for p in PAGES {
        out.push_str("\n\n");
        out.push_str(&p.render(lang));
    }
    out.push('\n');
    out
}

/// The table of codes in Chinese: code, default severity, summary.
fn codes_table_zh(codes: &[&CodeInfo]) -> String {
    use crate::i18n::Msg;
    let mut out = String::from("| 代码 | 默认级别 | 说明 |\n| --- | --- | --- |\n");
    for info in codes {
        let summary = super::catalogue::code_entry(info.code).map_or("", |e| e.zh);
        let severity = Msg::SeverityWord {
            severity: info.severity,
        }
        .render(Lang::Zh);
        out.push_str(&format!(
            "| `{}` | {severity} | {} |\n",
            info.code,
            summary.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue::own_words;

    #[test]
    fn every_page_has_both_languages() {
        for p in PAGES {
            assert!(p.en.len() > 200, "the English page of {} is short", p.code);
            assert!(p.zh.len() > 200, "the Chinese page of {} is short", p.code);
            assert!(
                p.en.contains("**How to fix:**"),
                "the English page of {} says no fix",
                p.code
            );
            assert!(
                p.zh.contains("**修改方法：**") && p.zh.contains("**默认级别：**"),
                "the Chinese page of {} lacks its severity or fix",
                p.code
            );
        }
    }

    /// The Chinese pages have no English words of their own: ids, codes,
    /// the plan language (in backticks and fenced examples) and quoted
    /// text aside.
    #[test]
    fn chinese_pages_have_no_english_words() {
        let head = INTRO_ZH.replace("{codes}", "");
        let pages = PAGES.iter().map(|p| (p.code, p.zh));
        for (what, text) in [("the head", head.as_str())].into_iter().chain(pages) {
            let latin: String = own_words(text)
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect();
            assert!(
                latin.is_empty(),
                "the Chinese page of {what} has English words: {latin:?}"
            );
        }
    }
}
