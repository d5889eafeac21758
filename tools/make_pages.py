# ruff: noqa: E501  (the notation card is Markdown table rows, one row per line)
"""Write the course's two reference pages, notebooks/index.ipynb and notebooks/notation.ipynb.

They are Markdown-only notebooks (not .md files) so that every link to them works wherever a lesson
is opened: JupyterLab (whose root is notebooks/), Voilà and GitHub all open a notebook. The README's
contents table and notebooks/index.ipynb list the same lessons (tests/test_notebook_files.py).
Run this after changing the lesson list or the notation; it rewrites both files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from kl_helpers._storage import normalise_kernelspec

ROOT = Path(__file__).resolve().parents[1]

NOTATION = r"""# Notation card

One set of letters for the whole course. Every lesson links here; when a lesson or a paper uses other
letters, it says so where it does.

**中文版 (Chinese edition):** [记号表](zh/notation.ipynb)

| symbol | read as | meaning |
|---|---|---|
| $p$ | "p" | the distribution **the data come from** (the target). In the forward KL $D_{KL}(p\,\|\,q)$ it is the first argument; the reverse KL $D_{KL}(q\,\|\,p)$ (notebooks 05 and 08) puts it second. |
| $\hat p_N$ | "p-hat" | the **empirical distribution** of $N$ data points: mass $1/N$ on each observed point (for continuous data a sum of Dirac deltas, which has no density). |
| $q$, $q_\theta$ | "q", "q theta" | the **model** (or the approximation) with parameters $\theta$. |
| $\theta$ | "theta" | the model's parameters, e.g. $\theta = (\mu, \sigma)$ for a normal model. |
| $x$, $x_i$ | | an outcome; $x_1, \dots, x_N$ draws (samples) from $p$. |
| $\mathcal N(\mu, \sigma^2)$ | "normal" | the normal (Gaussian) distribution with mean $\mu$ and **standard deviation** $\sigma$ (variance $\sigma^2$). In code: `kh.normal_logpdf(x, mu, sigma)` takes $\sigma$, not $\sigma^2$. |
| $\mathbb E_p[f(X)]$ | "expectation under p" | $\sum_x p(x) f(x)$, or $\int p(x) f(x)\,dx$ for densities. |
| $H(p)$ | "entropy of p" | $-\mathbb E_p[\ln p(X)]$. For densities it is the *differential* entropy, which can be negative. |
| $\int p \ln p\,dx$ | "minus the entropy" | $= -H(p)$, the **negative entropy**; it does not depend on the model. |
| $H(p, q)$ | "cross-entropy of q relative to p" | $-\mathbb E_p[\ln q(X)] = H(p) + D_{KL}(p\,\|\,q)$. |
| $D_{KL}(p\,\|\,q)$ | "KL divergence of q from p" | $\mathbb E_p\!\left[\ln \frac{p(X)}{q(X)}\right] \ge 0$: the expectation is under the **first** argument. Not symmetric. |
| $\mathrm{NLL}(\theta)$ | "negative log-likelihood" | $-\frac1N\sum_i \ln q_\theta(x_i)$ (the average; the *sum* is $N$ times it) $= H(\hat p_N, q_\theta)$. |
| $\ln$, $\log_2$, $\log$ | | $\ln$ is the natural logarithm (unit: **nats**); $\log_2$ gives **bits**; $1$ nat $= 1/\ln 2 \approx 1.4427$ bits. A bare $\log$ in a definition means "any fixed base > 1"; the code's `base=` argument picks it (default $e$). |
| $r = q(x)/p(x)$ | "ratio" | notebook 03: the density ratio in the estimators $k_1 = -\ln r$, $k_2 = \tfrac12 (\ln r)^2$, $k_3 = (r - 1) - \ln r$, for draws $x \sim p$. Notebook 08 swaps the letters: draws $x \sim q_\theta$ and $r = p(x)/q_\theta(x)$, estimating $D_{KL}(q_\theta\,\|\,p)$. |
| $z$ | "latent" | notebooks 04 and 06: an unobserved (latent) variable, e.g. the component of a mixture. |
| $q_\theta(x, z)$, $q_\theta(z \mid x)$ | "model joint", "posterior" | notebooks 04 and 06: the model's joint distribution and its posterior over $z$ given $x$. |
| $r(z)$ | "r of z" | notebooks 04, 06 and 08 (§3): the **approximation** to the posterior, or a VAE's encoder $r(z \mid x)$ (unrelated to the ratio $r$ of notebook 03). |
| $\mathrm{ELBO}(r)$ | "evidence lower bound" | $\mathbb E_r[\ln q_\theta(x, z) - \ln r(z)]$, and $\ln q_\theta(x) = \mathrm{ELBO}(r) + D_{KL}(r(z)\,\|\,q_\theta(z \mid x))$. |

**Where letters flip.** Most papers on latent-variable models and VAEs (e.g. Kingma & Welling, 2014)
write $p_\theta$ for the model and $q_\phi$ for the approximation. In this course the model is always
$q_\theta$ and the approximation $r$, so that $p$ keeps one meaning: where the data come from.
Libraries flip argument order too: PyTorch's `kl_div(input, target)` computes
$D_{KL}(\text{target}\,\|\,\text{model})$ with the model's log-probabilities first (notebook 01,
common mistakes).
"""

#: The Chinese notation card (notebooks/zh/notation.ipynb) translates NOTATION as it was when its
#: hash was NOTATION_ZH_SOURCE: change NOTATION, and tests/test_translations.py names this page until
#: NOTATION_ZH is updated and NOTATION_ZH_SOURCE set to tools/translations.py's source_hash of it.
NOTATION_ZH_SOURCE = "bd5b5973ee7c7058"
NOTATION_ZH = r"""# 记号表

整门课程使用同一套字母。每一课都链接到这里；当某一课或某篇论文使用别的字母时，会在用到的地方说明。

| 记号 | 读法 | 含义 |
|---|---|---|
| $p$ | “p” | **数据的来源**分布（目标分布）。在前向 KL $D_{KL}(p\,\|\,q)$ 中它是第一个参数；反向 KL $D_{KL}(q\,\|\,p)$（第 05 和 08 课）把它放在第二个。 |
| $\hat p_N$ | “p 帽” | $N$ 个数据点的**经验分布**：在每个观测点上的概率质量为 $1/N$（对连续数据，它是狄拉克 δ 函数之和，没有概率密度）。 |
| $q$, $q_\theta$ | “q”、“q theta” | 带参数 $\theta$ 的**模型**（或近似）。 |
| $\theta$ | “theta” | 模型的参数，例如正态模型的 $\theta = (\mu, \sigma)$。 |
| $x$, $x_i$ | | 一个结果；$x_1, \dots, x_N$ 是从 $p$ 中抽取的样本。 |
| $\mathcal N(\mu, \sigma^2)$ | “正态” | 均值为 $\mu$、**标准差**为 $\sigma$（方差为 $\sigma^2$）的正态分布（高斯分布）。代码中：`kh.normal_logpdf(x, mu, sigma)` 接受的是 $\sigma$，而不是 $\sigma^2$。 |
| $\mathbb E_p[f(X)]$ | “p 下的期望” | $\sum_x p(x) f(x)$，对概率密度则为 $\int p(x) f(x)\,dx$。 |
| $H(p)$ | “p 的熵” | $-\mathbb E_p[\ln p(X)]$。对概率密度，它是*微分*熵，可以为负。 |
| $\int p \ln p\,dx$ | “熵的相反数” | $= -H(p)$，即**负熵**；它与模型无关。 |
| $H(p, q)$ | “q 相对于 p 的交叉熵” | $-\mathbb E_p[\ln q(X)] = H(p) + D_{KL}(p\,\|\,q)$。 |
| $D_{KL}(p\,\|\,q)$ | “q 相对于 p 的 KL 散度” | $\mathbb E_p\!\left[\ln \frac{p(X)}{q(X)}\right] \ge 0$：期望是在**第一个**参数下取的。不对称。 |
| $\mathrm{NLL}(\theta)$ | “负对数似然” | $-\frac1N\sum_i \ln q_\theta(x_i)$（这是平均值；*总和*是它的 $N$ 倍）$= H(\hat p_N, q_\theta)$。 |
| $\ln$, $\log_2$, $\log$ | | $\ln$ 是自然对数（单位：**奈特**）；$\log_2$ 给出**比特**；$1$ nat $= 1/\ln 2 \approx 1.4427$ bits。定义中不带底的 $\log$ 表示“任意固定的大于 1 的底”；代码中由参数 `base=` 选择（默认为 $e$）。 |
| $r = q(x)/p(x)$ | “比值” | 第 03 课：估计量 $k_1 = -\ln r$、$k_2 = \tfrac12 (\ln r)^2$、$k_3 = (r - 1) - \ln r$ 中的密度比，样本 $x \sim p$。第 08 课把字母对调：样本 $x \sim q_\theta$，$r = p(x)/q_\theta(x)$，估计的是 $D_{KL}(q_\theta\,\|\,p)$。 |
| $z$ | “隐变量” | 第 04 和 06 课：一个未观测的（隐）变量，例如混合分布的成分。 |
| $q_\theta(x, z)$, $q_\theta(z \mid x)$ | “模型的联合分布”、“后验” | 第 04 和 06 课：模型的联合分布，以及给定 $x$ 时它在 $z$ 上的后验分布。 |
| $r(z)$ | “r of z” | 第 04、06 和 08 课（第 3 节）：后验的**近似**，或变分自编码器的编码器 $r(z \mid x)$（与第 03 课的比值 $r$ 无关）。 |
| $\mathrm{ELBO}(r)$ | “证据下界” | $\mathbb E_r[\ln q_\theta(x, z) - \ln r(z)]$，且 $\ln q_\theta(x) = \mathrm{ELBO}(r) + D_{KL}(r(z)\,\|\,q_\theta(z \mid x))$。 |

**字母在哪里会对调。** 大多数关于隐变量模型和变分自编码器的论文（例如 Kingma & Welling, 2014）用 $p_\theta$ 表示模型，用 $q_\phi$ 表示近似。在本课程中，模型总是 $q_\theta$，近似是 $r$，这样 $p$ 只有一个含义：数据的来源。
各个库也会对调参数顺序：PyTorch 的 `kl_div(input, target)` 计算的是 $D_{KL}(\text{target}\,\|\,\text{model})$，并且把模型的对数概率放在前面（第 01 课，常见错误）。

**English edition:** [notation](../notation.ipynb)
"""

GLOSSARY = r"""## English–Chinese term list（英汉术语对照）

The course's first readers came from a Chinese write-up of Bishop's *PRML* §1.6.1. One rendering
per term, used throughout the Chinese edition (`notebooks/zh/`; `tests/test_translations.py` checks
that a Chinese cell uses the rendering wherever its English cell uses the term, and never a rendering
in the last column).

本课程最早的读者来自一篇讲解 Bishop《*PRML*》§1.6.1 的中文笔记。每个术语只用一种译法，中文版通篇一致；
最后一列是不使用的其他译法。这张对照表同时出现在英文版和中文版的记号表中。

| English | 中文 | 不用（other renderings, avoided） |
|---|---|---|
| Kullback–Leibler (KL) divergence | KL 散度 | KL 距离 |
| divergence | 散度 | 离散度 |
| relative entropy | 相对熵 | |
| entropy | 熵 | |
| differential entropy | 微分熵 | |
| negative entropy ($\int p \ln p\,dx$) | 负熵 | |
| cross-entropy | 交叉熵 | 互熵 |
| empirical distribution | 经验分布 | |
| likelihood | 似然 | |
| negative log-likelihood (NLL) | 负对数似然 | |
| maximum likelihood estimation (MLE) | 极大似然估计 | 最大似然估计 |
| evidence lower bound (ELBO) | 证据下界 | |
| forward KL / reverse KL | 前向 KL / 反向 KL | 正向 KL、逆向 KL |
| mode-seeking / mass-covering | 众数寻求 / 质量覆盖 | |
| normal (Gaussian) distribution | 正态分布（高斯分布） | |
| probability density | 概率密度 | |
| expectation | 期望 | |
| sample mean | 样本均值 | |
| estimator | 估计量 | |
| unbiased / bias | 无偏 / 偏差 | |
| standard error | 标准误 | |
| Monte Carlo estimate | 蒙特卡洛估计 | |
| support (of a distribution) | 支撑集 | 支集 |
| Gibbs' inequality | 吉布斯不等式 | |
| Jensen's inequality | 詹森不等式 | 琴生不等式、延森不等式 |
| concave / convex | 凹 / 凸 | |
| tangent line | 切线 | |
| Dirichlet distribution | 狄利克雷分布 | |
| Bernoulli distribution | 伯努利分布 | |
| Fisher information | 费希尔信息 | 费舍尔信息 |
| nats / bits | 奈特 / 比特 | 纳特 |
| prefix code | 前缀码 | |
| codeword | 码字 | |
| code length | 码长 | |
| Kraft's inequality | 克拉夫特不等式 | |
| Shannon code | 香农码 | |
| add-one smoothing | 加一平滑 | |
| softmax / logits / one-hot | softmax / logits（未归一化对数几率）/ 独热编码 | |
| latent variable | 隐变量 | 潜变量 |
| prior / posterior | 先验 / 后验 | |
| variational inference | 变分推断 | |
| variational autoencoder (VAE) | 变分自编码器 | |
| Gaussian mixture | 高斯混合 | |
| moment matching | 矩匹配 | |
| model misspecification | 模型误设 | |
| Jensen–Shannon (JS) divergence | JS 散度 | |
| gradient descent | 梯度下降 | |
| mutual information | 互信息 | |
| chain rule | 链式法则 | |
| law of large numbers | 大数定律 | |
| standard deviation | 标准差 | |
| sample size | 样本量 | 样本容量 |
| confidence interval | 置信区间 | 信赖区间 |
| importance sampling | 重要性采样 | 重要度抽样 |
| minimiser | 最小值点 | 最小化子 |
| total variation | 总变差 | 全变差 |
| posterior collapse | 后验坍缩 | 后验坍塌、后验崩塌 |
| score function | 得分函数 | 评分函数 |
| sequential probability ratio test (SPRT) | 序贯概率比检验 | 序列概率比检验 |
"""

INDEX_HEAD = """# KL divergence, step by step — contents

From the definition of the Kullback–Leibler divergence to the reason every machine-learning model is
trained with a negative log-likelihood. Take the lessons in order; each opens with its objectives,
prerequisites and time, and ends with a summary, common mistakes and exercises.

"""

INDEX_TAIL = """
**Reference.** The [notation card](notation.ipynb) (symbols, units, where letters flip, and an
English–Chinese term list); the [cheat sheet](cheatsheet.ipynb) (every result with its condition, one
page) and the [bibliography](bibliography.ipynb) (`tools/make_handouts.py` writes both).

**How to run a lesson.** Run All in JupyterLab (`make lab`) brings every slider to life; without a
running kernel each panel shows a picture of its state.
"""


sys.path.insert(0, str(ROOT / "tools"))
import stamp  # noqa: E402  (tools/ is not a package)
import translations  # noqa: E402


def glossary_table() -> list[tuple[str, str, str]]:
    """The term list's rows as ``(English, 中文, avoided)`` cell texts (tests/test_translations.py
    and the website's Chinese search read the glossary through this).

    >>> ("cross-entropy", "交叉熵", "互熵") in glossary_table()
    True
    """
    rows = []
    for line in GLOSSARY.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "") and not set(cells[0]) <= {"-"}:
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def chinese_terms() -> list[str]:
    """Every Chinese rendering of the glossary, one word each ("前向 KL / 反向 KL" gives two).

    The website's search segments Chinese with jieba; these are added to its dictionary, so a
    search for 交叉熵 or 负对数似然 finds the term as one word.

    >>> [t for t in chinese_terms() if "熵" in t][:4]
    ['相对熵', '熵', '微分熵', '负熵']
    """
    terms = []
    for _, chinese, _ in glossary_table():
        for part in re.split(r"\s*/\s*|[（）]", chinese):
            part = part.strip()
            if part and part not in terms:
                terms.append(part)
    return terms


def lesson_rows(readme: str) -> list[str]:
    """The README's contents rows, with links made relative to notebooks/."""
    rows = [line for line in readme.splitlines() if line.startswith("| [")]
    return [line.replace("](notebooks/", "](") for line in rows]


def contents_table(readme: str) -> str:
    """The README's contents table (header and rows), links relative to notebooks/.

    One implementation for notebooks/index.ipynb and the course website's landing page
    (tools/build_site.py), both generated from the README.
    """
    header = "| notebook | what you learn | time |\n|---|---|---|\n"
    return header + "\n".join(lesson_rows(readme)) + "\n"


def story(readme: str) -> str:
    """The README's opening: the paragraphs between its title and its first section."""
    lines = readme.split("\n## ", 1)[0].splitlines()
    return "\n".join(line for line in lines if not line.startswith("# ")).strip() + "\n"


def _notebook(markdown_cells: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text.strip("\n")) for text in markdown_cells]
    normalise_kernelspec(nb)
    for cell in nb.cells:  # stable files: no random cell ids
        cell.id = re.sub(r"[^a-z0-9-]", "-", cell.source.splitlines()[0].lower())[:40] or "cell"
    return nb


def main() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = INDEX_HEAD + contents_table(readme) + INDEX_TAIL
    line = stamp.footer_line(*stamp.settings())  # version and licences, as on every notebook
    for cells, name in (([index], "index.ipynb"), ([NOTATION, GLOSSARY], "notation.ipynb"),
                        ([NOTATION_ZH, GLOSSARY], "zh/notation.ipynb")):
        nb = _notebook(cells)
        stamp.stamped(nb, line)
        if name.startswith("zh/"):
            # The notation is translated (and records what it translates); the glossary is the
            # same bilingual cell in both editions, so it cannot drift.
            nb.cells[0].metadata[translations.KEY] = {"source": NOTATION_ZH_SOURCE}
            nb.cells[1].metadata[translations.KEY] = {"source": translations.source_hash(nb.cells[1]),
                                                      "bilingual": True}
        nbformat.write(nb, ROOT / "notebooks" / name)
    print("wrote notebooks/index.ipynb, notebooks/notation.ipynb and notebooks/zh/notation.ipynb")


if __name__ == "__main__":
    main()
