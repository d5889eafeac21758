# ruff: noqa: E501  (one translation per line)
"""Chinese (简体中文) translations of what a learner reads in outputs (``kh.set_language("zh")``).

A plain dict from the English template, exactly as written in the code, to its Chinese template
(same ``{placeholders}``, same format specs). A template missing here stays English. Terms follow
the notation card's English–Chinese list (``tools/make_pages.py``, ``GLOSSARY``).
``tests/test_translations.py`` checks that every key is still used in the package and that the
placeholders agree.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- exercises/_feedback.py: the toolkit every checker uses ----------------------------------
    "✏️ Your turn: ": "✏️ 轮到你了：",
    "replace None with your answer and run the cell again.": "把 None 换成你的答案，再运行这个单元格。",
    "{name} returns None; implement it and run the cell again.": "{name} 返回了 None；请实现它，再运行这个单元格。",
    "Not yet.": "还不对。",
    "{not_yet} Hint: {hint}": "{not_yet}提示：{hint}",
    "Your answer is {value}; this one is finite. Hint: {hint}": "你的答案是 {value}；而本题的答案是有限值。提示：{hint}",
    "Your answer should be": "你的答案应当是",
    "Your function should return": "你的函数应当返回",
    "{should} a number, not {kind}.": "{should}一个数，而不是 {kind}。",
    "{should} a single number, not an array of {size} values.": "{should}单个数，而不是含 {size} 个值的数组。",
    "Unknown {noun}(s) {unknown}; pick from {allowed}.": "未知的{noun} {unknown}；请从 {allowed} 中选择。",
    "Pass the function itself, e.g. {usage}.": "请传入函数本身，例如 {usage}。",
    "Your function raised {error}: {exc}": "你的函数抛出了 {error}：{exc}",
    # --- exercises/ex01.py ---------------------------------------------------------------------------
    "q is now the distribution the data come from, so it goes first; use log base 2.": "现在数据来自 q，所以 q 放在前面；对数以 2 为底。",
    "Correct: and it differs from D_KL(p‖q) in bits, because KL is not symmetric.": "正确：它与以比特计的 D_KL(p‖q) 不同，因为 KL 散度不对称。",
    "That is D_KL(p‖q). The exercise asks for the other direction.": "这是 D_KL(p‖q)。本题要的是另一个方向。",
    "Right direction, wrong unit: that is in nats; convert to bits.": "方向对了，单位错了：这是以奈特计的值；请换算成比特。",
    "average the code lengths under p for both codes (lengths are -log2 of the probabilities), then subtract.": "对两种编码分别在 p 下求平均码长（码长是概率的 -log2），再相减。",
    "Correct: the extra length is D_KL(p‖q) in bits.": "正确：多出的码长就是以比特计的 D_KL(p‖q)。",
    "That is the average length with q's code. Subtract what p's own code would need.": "这是用 q 的编码时的平均码长。再减去 p 自己的编码所需的码长。",
    "candidate": "候选项",
    'Answer with a set of letters picked from A, B, C, D, written like {"X", "Y"}.': '请用由 A、B、C、D 中的字母组成的集合作答，写成 {"X", "Y"} 这样。',
    "Correct: q must be positive wherever p is; elsewhere it is free.": "正确：凡是 p 为正的地方，q 都必须为正；其余地方 q 可以任意取值。",
    "Not yet. Hint: D_KL(p‖q) is infinite exactly when q is 0 on an outcome where p is positive. Outcomes where p is 0 contribute nothing, whatever q puts there.": "还不对。提示：当且仅当 q 在某个 p 为正的结果上为 0 时，D_KL(p‖q) 为无穷大。p 为 0 的结果不论 q 在那里取什么值，贡献都是 0。",
    "NaN for {case}. Hint: {hint}": "{case} 时得到 NaN。提示：{hint}",
    "Wrong value for {case}. Hint: {hint}": "{case} 时的值不对。提示：{hint}",
    "q is 0 where p > 0 here, so the divergence is +infinity (math.inf), not undefined.": "这里 q 在 p > 0 处为 0，所以散度是 +∞（math.inf），而不是无定义。",
    "0·log(0/q) must count as 0, so skip the outcomes where p is 0.": "0·log(0/q) 必须算作 0，所以跳过 p 为 0 的结果。",
    "look for 0/0, 0·inf or inf - inf in your formula.": "检查你的公式里是否出现了 0/0、0·inf 或 inf - inf。",
    "when q is 0 where p > 0 the divergence is +infinity (math.inf), not -infinity.": "q 在 p > 0 处为 0 时，散度是 +∞（math.inf），而不是 -∞。",
    "when q is 0 where p > 0 the divergence is infinite (math.inf).": "q 在 p > 0 处为 0 时，散度为无穷大（math.inf）。",
    "check the direction p·log(p/q) and use the natural log.": "检查方向是否为 p·log(p/q)，并使用自然对数。",
    "Correct on all four cases, including the zeros.": "四种情形全部正确，包括含 0 的情形。",
    # --- _validate.py: error messages a lesson shows ("Common mistakes") -----------------------------
    "{name}{where} sums to {total:.12g}, not 1; pass probabilities, or pass normalize=True to rescale counts or weights explicitly": "{name}{where} 的和为 {total:.12g}，而不是 1；请传入概率，或传入 normalize=True 来显式地把计数或权重重新缩放",
    # --- figures/definition.py and panels/definition.py (text alternatives and captions) -----------
    "Left: bars of p = {p} and q = {q} for each outcome. Right: each outcome's term p·ln(p/q), {terms} nats, negative where q exceeds p; the terms sum to D_KL(p‖q) = {total:.4f} nats.": "左图：每个结果上 p = {p} 与 q = {q} 的柱形。右图：每个结果的项 p·ln(p/q)，分别为 {terms} 奈特，在 q 大于 p 处为负；各项之和为 D_KL(p‖q) = {total:.4f} 奈特。",
    "The concave curve ln t and its tangent t − 1, with one dot per outcome at the ratio t = q/p (dot size proportional to p). The p-weighted mean of ln t, {mean:.4f}, lies below ln of the mean ratio, 0; the gap is D_KL(p‖q) = {gap:.4f} nats.": "凹曲线 ln t 及其切线 t − 1；每个结果对应一个点，位于比值 t = q/p 处（点的大小与 p 成正比）。ln t 的 p 加权平均 {mean:.4f} 位于平均比值的对数 0 之下；两者之差为 D_KL(p‖q) = {gap:.4f} 奈特。",
    "Both KL directions between p = [{p1:g}, {p2:g}] and q_t = [t, 1 − t] as t runs over (0, 1): two different U-shaped curves, both 0 at t = {p1:g}; D_KL(q_t‖p) stays finite at the ends, D_KL(p‖q_t) grows without bound.": "t 取遍 (0, 1) 时，p = [{p1:g}, {p2:g}] 与 q_t = [t, 1 − t] 之间两个方向的 KL 散度：两条不同的 U 形曲线，都在 t = {p1:g} 处为 0；D_KL(q_t‖p) 在两端保持有限，D_KL(p‖q_t) 则无限增大。",
    "Left: the density of p = N(0, 1) and of q = N({mu:.2f}, {sigma:.2f}²). Right: both KL directions against the mean of q; at this q, D_KL(p‖q) = {forward:.3f} nats and D_KL(q‖p) = {reverse:.3f} nats.": "左图：p = N(0, 1) 与 q = N({mu:.2f}, {sigma:.2f}²) 的概率密度。右图：两个方向的 KL 散度随 q 的均值的变化；在当前的 q 下，D_KL(p‖q) = {forward:.3f} 奈特，D_KL(q‖p) = {reverse:.3f} 奈特。",
    "mean μ_q": "均值 μ_q",
    "std σ_q": "标准差 σ_q",
    # --- panels/base.py -------------------------------------------------------------------------
    "{what} Slider values: {values}.": "{what} 滑块取值：{values}。",
    ", ": "，",  # between slider values
    # === lesson 00 (refresher) and the explorer: its checkers, figures, panels and the messages it shows ===
    # --- exercises/ex00.py ---------------------------------------------------------------------------
    "compute 1/x for each value, then weight each by its probability and add.": "先对每个值求 1/x，再用各自的概率加权并求和。",
    "Correct: and it is not 1/E[X] (Jensen's inequality at work: 1/x is convex).": "正确：而且它不等于 1/E[X]（这正是詹森不等式在起作用：1/x 是凸函数）。",
    "That is 1/E[X]. The expectation of 1/X averages the values 1/x, weighted by their probabilities.": "这是 1/E[X]。1/X 的期望是对各个值 1/x 以其概率为权重求平均。",
    "That is the plain average of the three values of 1/x. The outcomes are not equally likely: weight each by its probability.": "这是 1/x 的三个值的简单平均。这些结果并不等可能：请用各自的概率加权。",
    "a probability is the area under the density over the interval: integrate the density from the interval's left end to its right end (e.g. kh.trapezoid on a fine grid).": "概率是区间上方、概率密度曲线下方的面积：把概率密度从区间左端积分到右端（例如在精细网格上用 kh.trapezoid）。",
    "Correct: a probability, below 1, although the density at the left end is above 2.": "正确：这是一个概率，小于 1，尽管区间左端的密度大于 2。",
    "That is the density at the left end, not a probability (it is more than 1). Integrate the density over the interval.": "这是区间左端的密度，不是概率（它大于 1）。请在区间上对密度积分。",
    "That is the density at the right end, not a probability. Integrate the density over the interval.": "这是区间右端的密度，不是概率。请在区间上对密度积分。",
    "That is the density at the midpoint times the width: a rough approximation, because the density is curved there. Integrate the density over the interval.": "这是中点处的密度乘以区间宽度：只是粗略的近似，因为密度在这一段是弯曲的。请在区间上对密度积分。",
    "the product of the probabilities is too small for a float (it rounds to 0); take logs first: the log of a product is the sum of the logs. Then change the base to 2.": "这些概率的乘积太小，浮点数表示不了（会舍入为 0）；先取对数：乘积的对数等于对数之和。然后把底换成 2。",
    "Correct: a sum of logs stays finite where the product underflows to 0.": "正确：乘积下溢为 0 时，对数之和仍然是有限值。",
    "Right idea, wrong unit: that is the natural log (nats). Convert to bits: divide by ln 2.": "思路对了，单位错了：这是自然对数（奈特）。请换算成比特：除以 ln 2。",
    "That is the base-10 log. The question asks for log base 2 (bits).": "这是以 10 为底的对数。本题要的是以 2 为底的对数（比特）。",
    "Check the sign: a probability below 1 has a negative logarithm.": "检查符号：小于 1 的概率，其对数为负。",
    "compute E[X] and E[ln X] = Σ p ln x separately, then take ln of the first and subtract the second.": "分别计算 E[X] 和 E[ln X] = Σ p ln x，再对前者取 ln，然后减去后者。",
    "Correct: positive, as Jensen's inequality says it must be for an X that varies.": "正确：结果为正，正如詹森不等式所说，对不是常数的 X 必然如此。",
    "Check the sign: the logarithm is concave, so ln E[X] is the larger of the two.": "检查符号：对数是凹函数，所以 ln E[X] 是两者中较大的那个。",
    "That is in bits. The question asks for nats (natural log).": "这是以比特计的值。本题要的是奈特（自然对数）。",
    "That is ln E[X] alone. Subtract E[ln X].": "这只是 ln E[X]。还要减去 E[ln X]。",
    "That is E[ln X] alone. The gap is ln E[X] minus it.": "这只是 E[ln X]。间隙是 ln E[X] 减去它。",
    # --- expectation.py: the error message the lesson shows ("The conditions matter") ----------------
    "values must be > 0 wherever p > 0 (ln x needs x > 0), got {value}; E[ln X] is not defined for such an X": "凡是 p > 0 处，values 都必须 > 0（ln x 要求 x > 0），却得到 {value}；对这样的 X，E[ln X] 没有定义",
    # --- figures/refresher.py and panels/refresher.py (text alternatives and captions) ---------------
    "Left: the mean of the first n of {n:,} draws against n (log scale), settling on E[X] = {mean:g} inside the band E[X] ± 2σ/√n. Right: the measured spread of the sample mean at N = {sizes} on log-log axes, on the line σ/√N of slope −1/2.": "左图：{n:,} 次抽样中前 n 次的均值随 n 的变化（对数坐标），最终稳定在 E[X] = {mean:g}，落在带状区域 E[X] ± 2σ/√n 之内。右图：N = {sizes} 时实测的样本均值离散程度（双对数坐标），落在斜率为 −1/2 的直线 σ/√N 上。",
    "Left: the normal density N(0, {s:g}²), peaking at {peak:.2f}, above the level 1. Right: the uniform density on [0, {w:g}], of height {height:g}. Each shaded area is 1: a density can exceed 1, only its integral is a probability.": "左图：正态分布 N(0, {s:g}²) 的概率密度，峰值为 {peak:.2f}，高于 1 这条水平线。右图：[0, {w:g}] 上均匀分布的概率密度，高度为 {height:g}。每块阴影的面积都是 1：概率密度可以大于 1，只有它的积分才是概率。",
    "Left: ln t and log₂ t against t, the same curve stretched by 1/ln 2, both 0 at t = 1. Right: ln({a:g} + b) and ln {a:g} + ln b against b: two different curves that meet only at b = {meet:g}, so the log of a sum is not the sum of the logs.": "左图：ln t 与 log₂ t 随 t 的变化，是同一条曲线拉伸了 1/ln 2 倍，两者都在 t = 1 处为 0。右图：ln({a:g} + b) 与 ln {a:g} + ln b 随 b 的变化：两条不同的曲线只在 b = {meet:g} 处相交，所以和的对数不等于对数的和。",
    "A two-point X with values {x0:g} and {x1:g}. Left: the concave curve ln x and the chord between the two points; at E[X] = {mean:g} the chord is at E[ln X] = {mean_log:.3f}, below ln E[X] = {log_mean:.3f} (gap {gap:.3f}). Right: the convex x², where the chord lies above: E[X²] − (E[X])² = {variance:.3f}, the variance.": "只取 {x0:g} 和 {x1:g} 两个值的 X。左图：凹曲线 ln x 及连接两点的弦；在 E[X] = {mean:g} 处，弦的高度为 E[ln X] = {mean_log:.3f}，低于 ln E[X] = {log_mean:.3f}（间隙为 {gap:.3f}）。右图：凸函数 x²，弦位于曲线上方：E[X²] − (E[X])² = {variance:.3f}，即方差。",
    "Left: the curve ln x and the chord between x = {low:.2f} and x = {high:.2f}; at E[X] = {mean:.2f} the chord's height E[ln X] = {mean_log:.3f} is below ln E[X] = {log_mean:.3f}, a gap of {gap:.3f} nats. Right: the gap against the spread s, zero only at s = 0.": "左图：曲线 ln x 及 x = {low:.2f} 与 x = {high:.2f} 之间的弦；在 E[X] = {mean:.2f} 处，弦的高度 E[ln X] = {mean_log:.3f} 低于 ln E[X] = {log_mean:.3f}，间隙为 {gap:.3f} 奈特。右图：间隙随散布 s 的变化，只在 s = 0 处为零。",
    "spread s": "散布 s",
    # (end of 00)
    # === lesson 02 (decomposition): its checkers, figures, panels and the messages it shows ===
    # (end of 02)
    # === lesson 03 (sample approximation): its checkers, figures, panels and the messages it shows ===
    # (end of 03)
    # === lesson 04 (MLE equivalence): its checkers, figures, panels and the messages it shows ===
    # (end of 04)
    # === lesson 05 (forward vs reverse): its checkers, figures, panels and the messages it shows ===
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
    # (end of 07)
    # === lesson 08 (KL as a loss): its checkers, figures, panels and the messages it shows ===
    # (end of 08)
}
