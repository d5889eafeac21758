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
    # exercises/ex02.py
    "H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²).": "H(p) = -∫ p ln p dx，而正态分布的熵是 ½ ln(2πeσ²)。",
    "Correct: ∫ p ln p dx is minus the entropy.": "正确：∫ p ln p dx 是熵的相反数（负熵）。",
    "That is the entropy H(p). Look at the sign in front of the integral.": "这是熵 H(p)。注意积分前面的符号。",
    "both H(p, q_θ) and D_KL(p‖q_θ) are smallest at the same θ; use H(p, q) = H(p) + D_KL(p‖q) there.": "H(p, q_θ) 与 D_KL(p‖q_θ) 在同一个 θ 处取最小值；在那里利用 H(p, q) = H(p) + D_KL(p‖q)。",
    "Correct: H(p) plus the divergence that a fixed-width model cannot remove.": "正确：H(p) 加上宽度固定的模型无法消除的那部分散度。",
    "That is where the minimum is (θ). The exercise asks for the value.": "这是最小值所在的位置（θ）。本题要的是最小值本身。",
    "That is H(p), the minimum over all models. Here q's width is fixed, so q cannot match p exactly: some divergence remains.": "这是 H(p)，即在所有模型上的最小值。这里 q 的宽度是固定的，q 无法与 p 完全吻合：总会剩下一部分散度。",
    "That is the smallest divergence. The cross-entropy adds something.": "这是最小的散度。交叉熵还要在它上面再加一项。",
    "solve ½ ln(2πeσ²) = 0 for σ.": "解方程 ½ ln(2πeσ²) = 0，求出 σ。",
    "Correct: any narrower normal has negative differential entropy.": "正确：任何比它更窄的正态分布，微分熵都为负。",
    "At that σ the peak density is 1. The entropy averages -ln p over the whole density, not at the peak: set the entropy formula to 0.": "在这个 σ 下，峰值处的概率密度为 1。熵是 -ln p 在整个分布上的平均，而不是峰值处的值：请令熵的公式等于 0。",
    # figures/decomposition.py and panels/decomposition.py (text alternatives and captions, slider labels)
    "Bars in nats: the cross-entropy H(p, q) = {h_pq:.4f} stacked as H(p) = {h_p:.4f} plus D_KL(p‖q) = {kl:.4f}, then H(p) and D_KL alone, and Σ p ln p = {neg_h_p:.4f}, the negative of the entropy, below zero.": "以奈特计的柱形：交叉熵 H(p, q) = {h_pq:.4f}，由 H(p) = {h_p:.4f} 与 D_KL(p‖q) = {kl:.4f} 叠加而成；接着是单独的 H(p) 和 D_KL；最后是 Σ p ln p = {neg_h_p:.4f}，即熵的相反数，位于零以下。",
    "Left: normal densities with standard deviations {widths}; the narrow ones rise above 1. Right: their differential entropy against σ (log scale): {entropies} nats, negative once σ < 1/√(2πe) ≈ 0.242, while D_KL(N(0, σ²)‖N(0, 1)) stays ≥ 0.": "左图：标准差分别为 {widths} 的正态分布的概率密度；较窄的几条超过了 1。右图：它们的微分熵随 σ 的变化（对数坐标）：{entropies} 奈特；一旦 σ < 1/√(2πe) ≈ 0.242 就为负，而 D_KL(N(0, σ²)‖N(0, 1)) 始终 ≥ 0。",
    "Left: p = N(1, 0.8²) and the model q = N({theta:.2f}, {sigma_q:.2f}²). Right: cross-entropy H(p, q) and D_KL(p‖q) against the mean θ, a constant gap H(p) = {entropy_p:.3f} nats apart; here H(p, q) = {cross_entropy:.3f} and D_KL = {kl:.3f} nats.": "左图：p = N(1, 0.8²) 与模型 q = N({theta:.2f}, {sigma_q:.2f}²)。右图：交叉熵 H(p, q) 与 D_KL(p‖q) 随均值 θ 的变化，两者始终相差一个常数 H(p) = {entropy_p:.3f} 奈特；当前 H(p, q) = {cross_entropy:.3f}，D_KL = {kl:.3f} 奈特。",
    "mean θ of q": "q 的均值 θ",
    # (end of 02)
    # === lesson 03 (sample approximation): its checkers, figures, panels and the messages it shows ===
    # exercises/ex03.py
    "That is the {kind} term. k3 uses r itself, not only ln r.": "这是 {kind} 项。k3 要用 r 本身，而不只是 ln r。",
    "compute ln r = ln q(2) - ln p(2) first, then k3 = (r - 1) - ln r.": "先算出 ln r = ln q(2) - ln p(2)，再算 k3 = (r - 1) - ln r。",
    "Correct: positive, as every k3 term is.": "正确：结果为正，每个 k3 项都是如此。",
    "Close: your ratio is upside down. Here r = q(x)/p(x).": "很接近了：你的比值颠倒了。这里 r = q(x)/p(x)。",
    "the standard error is σ/√N, with σ the standard deviation of one term ln p(x) - ln q(x); estimate σ from a large sample or work it out for these normals.": "标准误是 σ/√N，其中 σ 是单个项 ln p(x) - ln q(x) 的标准差；可以用一个大样本估计 σ，也可以对这两个正态分布直接算出它。",
    "Correct: a hundred times smaller error costs ten thousand times more samples.": "正确：误差缩小到百分之一，样本量就要增加到一万倍。",
    "That is √N. The standard error shrinks like 1/√N: solve for N.": "这是 √N。标准误按 1/√N 缩小：请解出 N。",
    "estimator": "估计量",
    'Answer with a set of names from k1, k2, k3, written like {"k1", "k2"}.': '请用由 k1、k2、k3 中的名称组成的集合作答，写成 {"k1", "k2"} 这样。',
    "Correct: both average to D_KL exactly; k3 is also never negative.": "正确：两者的均值都恰好是 D_KL；而且 k3 永不为负。",
    "Not yet. Hint: take the expectation under p of each term. E_p[ln r] = -D_KL, and E_p[r] = ∫ q dx over the set where p > 0 (so 1 when q = 0 wherever p = 0, as here). Which terms then average to D_KL exactly? The table in the notebook shows the bias of each, within its standard error.": "还不对。提示：对每一项在 p 下取期望。E_p[ln r] = -D_KL，而 E_p[r] = ∫ q dx，积分只取遍 p > 0 的集合（所以只要凡是 p = 0 处都有 q = 0，它就等于 1，这里正是如此）。那么哪些项的均值恰好是 D_KL？笔记本中的表格列出了每个估计量的偏差及其标准误。",
    # figures/sampling.py and panels/sampling.py (text alternatives and captions, slider labels)
    "; ": "；",  # between the estimators' summaries
    "{name}: mean {mean:.3f}, std {std:.3f}": "{name}：均值 {mean:.3f}，标准差 {std:.3f}",
    "Left: histograms of {count:,} repeated estimates of D_KL by {names}, each mean marked, against the true value {truth:.3f} nats. Right: bias (with ±2 standard errors) and spread of each estimator. {summary}.": "左图：{names} 对 D_KL 的 {count:,} 次重复估计的直方图，各自标出均值，并与真实值 {truth:.3f} 奈特对照。右图：每个估计量的偏差（附 ±2 个标准误）与离散程度。{summary}。",
    "From one sample: the cross-entropy estimate and the k1 KL estimate against the model mean θ from {first:g} to {last:g}. The two curves are the same shape shifted by a constant, and both are lowest at θ = {best:.2f}.": "由同一个样本算出的交叉熵估计和 k1 KL 估计随模型均值 θ 的变化（θ 从 {first:g} 到 {last:g}）。两条曲线形状相同，只相差一个常数的平移，并且都在 θ = {best:.2f} 处最低。",
    "sample size N = {pad}{n}": "样本量 N = {pad}{n}",
    "random seed": "随机种子",
    "sample size N = {n}, random seed = {seed}": "样本量 N = {n}，随机种子 = {seed}",
    "Left: the running k1 estimate of D_KL(p‖q) for p = N(0, 1), q = N(0.5, 1) over the first {n} draws, with its 95% band and the true value {truth:.3f} nats; the estimate is {estimate:.3f} ± {half:.3f} (this sample's 95% confidence interval, 1.96 standard errors). Right: the spread of the estimate against N, falling like 1/√N.": "左图：p = N(0, 1)、q = N(0.5, 1) 时，D_KL(p‖q) 的 k1 估计随前 {n} 次抽样逐步更新的过程，附 95% 置信带和真实值 {truth:.3f} 奈特；估计值为 {estimate:.3f} ± {half:.3f}（这个样本的 95% 置信区间，即 1.96 个标准误）。右图：估计值的离散程度随 N 的变化，按 1/√N 下降。",
    # (end of 03)
    # === lesson 04 (MLE equivalence): its checkers, figures, panels and the messages it shows ===
    # exercises/ex04.py (the two "{name} should be" messages of read_vector are in lesson 05's section)
    "The probability of outcome {i}": "结果 {i} 的概率",
    "Answer with a list of four probabilities, e.g. [0.7, 0.1, 0.1, 0.1].": "请用含四个概率的列表作答，例如 [0.7, 0.1, 0.1, 0.1]。",
    "Those are counts, not probabilities: a distribution sums to 1.": "这些是计数，不是概率：一个分布的各项之和为 1。",
    "Your entries sum to {total:.4g}; probabilities are >= 0 and sum to 1.": "你的各项之和为 {total:.4g}；概率都 >= 0，且和为 1。",
    "Correct: the empirical distribution is both the MLE and the KL minimiser.": "正确：经验分布既是极大似然估计，也是 KL 散度的最小值点。",
    "Not yet. Hint: D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; so what is p̂ for these counts?": "还不对。提示：D_KL(p̂‖q) 永不为负，且只在 q 等于 p̂ 时为 0；那么对这组计数，p̂ 是什么？",
    "write both as averages over the data and subtract term by term; what is left does not involve the model at all.": "把两者都写成对数据的平均，再逐项相减；剩下的部分与模型完全无关。",
    "Correct: the gap is the average of ln p(x_i), the same for every θ.": "正确：这个差就是 ln p(x_i) 的平均值，对每个 θ 都相同。",
    "Right size, wrong sign: which of the two is larger?": "大小对了，符号反了：两者中哪个更大？",
    "That is a sum over the data; both quantities are averages.": "这是对数据的求和；而这两个量都是平均值。",
    "Correct at all three points: your gradient matches finite differences.": "三个点上全部正确：你的梯度与有限差分一致。",
    "That is the derivative of the summed NLL. The exercise uses the average NLL: divide by the number of data.": "这是求和形式的 NLL 的导数。本题用的是平均 NLL：再除以数据的个数。",
    "That is the derivative with respect to σ. The variable here is v = σ²: write the NLL in terms of v first (or use the chain rule).": "这是对 σ 的导数。这里的变量是 v = σ²：先把 NLL 写成 v 的函数（或者用链式法则）。",
    "Wrong value at mu={mu}, v={v}. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); differentiate both terms in v.": "在 mu={mu}、v={v} 处的值不对。提示：NLL = ½ ln(2πv) + mean((x − μ)²) / (2v)；两项分别对 v 求导。",
    # optimize.py: the error lesson 04 shows (a learning rate that is too large)
    "gradient descent diverged at step {step}: {why}; learning_rate={eta:g} is too large for this problem, try a smaller one such as {smaller:g}": "梯度下降在第 {step} 步发散：{why}；learning_rate={eta:g} 对这个问题太大了，请换一个更小的值，例如 {smaller:g}",
    "the loss rose from {start:.6g} to {value:.6g}, above its starting value": "损失从 {start:.6g} 升到 {value:.6g}，超过了它的初始值",
    "the loss became {value}": "损失变成了 {value}",
    "the gradient became non-finite": "梯度变成了非有限值",
    "the parameters became non-finite": "参数变成了非有限值",
    # figures/mle.py and panels/mle.py (text alternatives, captions, slider labels)
    "Left: the average negative log-likelihood of samples of size {sizes} from N({mu_p:g}, {sigma_p:g}²) against the model mean, each with its minimum dotted, closing in on the expected NLL H(p, q) (dashed), which is lowest at μ = {mu_p:g}. Right: how far each maximum-likelihood estimate is from ({mu_p:g}, {sigma_p:g}) against N on log–log axes, beside a 1/√N guide.": "左图：从 N({mu_p:g}, {sigma_p:g}²) 中抽取的、样本量分别为 {sizes} 的样本，其平均负对数似然随模型均值变化的曲线，每条曲线的最小值用圆点标出；这些曲线逐渐靠近期望 NLL H(p, q)（虚线），后者在 μ = {mu_p:g} 处最低。右图：在双对数坐标中，各个极大似然估计与 ({mu_p:g}, {sigma_p:g}) 的距离随 N 的变化，旁边是一条 1/√N 参考线。",
    "Left: a histogram of {n} data points with the model N({mu:.2f}, {sigma:.2f}²). Right: contours of the average negative log-likelihood over (μ, σ) with the maximum-likelihood estimate starred; here the NLL is {nll:.3f}{kl}.": "左图：{n} 个数据点的直方图与模型 N({mu:.2f}, {sigma:.2f}²)。右图：平均负对数似然在 (μ, σ) 上的等高线，星号标出极大似然估计；当前的 NLL 为 {nll:.3f}{kl}。",
    "Gradient descent on the negative log-likelihood, step {step} of {steps}: the model is N({mu:.2f}, {sigma:.2f}²) over the data's histogram (left), and the loss curves over the steps (right); here the NLL is {nll:.3f}{kl}.": "对负对数似然做梯度下降，共 {steps} 步中的第 {step} 步：左图是数据直方图上的模型 N({mu:.2f}, {sigma:.2f}²)，右图是损失随步数变化的曲线；当前的 NLL 为 {nll:.3f}{kl}。",
    " and D_KL(p‖q) = {kl:.3f} nats": "，D_KL(p‖q) = {kl:.3f} 奈特",
    "mean μ": "均值 μ",
    "std σ": "标准差 σ",
    "step": "步数",
    # (end of 04)
    # === lesson 05 (forward vs reverse): its checkers, figures, panels and the messages it shows ===
    # exercises/ex05.py
    "Answer with a pair (mu, sigma), e.g. (1.0, 0.5).": "请用一对数 (mu, sigma) 作答，例如 (1.0, 0.5)。",
    "The mean is not right yet. Hint: the mean of a mixture is the weighted average of the component means.": "均值还不对。提示：混合分布的均值是各分量均值的加权平均。",
    "The mean is right; sigma is not.": "均值对了；sigma 还不对。",
    "variance = average within-component variance + variance of the component means; then take the square root.": "方差 = 各分量内部方差的平均 + 各分量均值的方差；再开平方根。",
    "Correct: the forward fit matches the mean and variance of p.": "正确：前向拟合与 p 有相同的均值和方差。",
    "That is the width of one component. The fit must also cover the spread between the components (law of total variance).": "这是单个分量的宽度。拟合还必须覆盖各分量之间的分散（全方差公式）。",
    "The mean is right, but that is a variance; sigma is a standard deviation.": "均值对了，但这是方差；sigma 是标准差。",
    'Answer with the string "forward" or "reverse".': '请用字符串 "forward" 或 "reverse" 作答。',
    "Correct: D_KL(q‖p) is an average under q, so q pays heavily for mass where p is tiny, and it shrinks onto a mode instead.": "正确：D_KL(q‖p) 是在 q 下取的平均，所以 q 若在 p 极小的地方放置概率质量，就要付出很大代价；于是它转而收缩到一个众数上。",
    "Not yet. Hint: ask which direction averages log(q/p) over the places where q puts its mass, and what happens there when p ≈ 0.": "还不对。提示：想一想哪个方向是在 q 放置概率质量的地方对 log(q/p) 取平均，以及在那里 p ≈ 0 时会发生什么。",
    "as N grows, the MLE goes to the KL projection of p onto the Gaussians, which matches the moments of p. What is the spread of a uniform on [0, 1]?": "随着 N 增大，极大似然估计趋于 p 在高斯分布族上的 KL 投影，它与 p 的矩相匹配。[0, 1] 上的均匀分布有多分散？",
    "Correct: the MLE converges to the moment-matched Gaussian, not to the uniform.": "正确：极大似然估计收敛到矩匹配的高斯分布，而不是均匀分布。",
    "That is a variance; the question asks for a standard deviation.": "这是方差；题目问的是标准差。",
    # exercises/_feedback.py, read_vector (an answer that is a pair; lesson 04 uses it too)
    "{name} should be": "{name} 应当是",
    "{name} should be a finite number, not {value}.": "{name} 应当是有限数，而不是 {value}。",
    # figures/forward_reverse.py and panels/forward_reverse.py
    "Left: the two-mode density p, its forward fit N({mu:.2f}, {sigma:.2f}²) covering both modes, and {n} reverse fits ending at {ends}. Right: D_KL(q‖p) over the mean and standard deviation of q (darker is lower) with each optimiser's path from its start to its end; separate valleys are separate local optima.": "左图：有两个众数的概率密度 p、覆盖两个众数的前向拟合 N({mu:.2f}, {sigma:.2f}²)，以及 {n} 个反向拟合，终点分别为 {ends}。右图：D_KL(q‖p) 随 q 的均值和标准差的变化（颜色越深，值越低），以及每个优化器从起点到终点的路径；不同的谷就是不同的局部最优解。",
    "Left: a two-mode p, its best normal approximation q* = N({mu:.2f}, {sigma:.2f}²) and the normal MLE from {n:,} points, close to q*. Right: the average negative log-likelihood at the MLE against N (log scale), approaching H(p, q*) = {cross:.3f} nats, which stays above H(p) = {entropy:.3f} nats by D_KL(p‖q*) = {gap:.3f} nats.": "左图：有两个众数的 p、它的最佳正态近似 q* = N({mu:.2f}, {sigma:.2f}²)，以及由 {n:,} 个点得到的正态极大似然估计，它与 q* 很接近。右图：极大似然估计处的平均负对数似然随 N 的变化（对数坐标），它趋于 H(p, q*) = {cross:.3f} 奈特；后者始终比 H(p) = {entropy:.3f} 奈特高出 D_KL(p‖q*) = {gap:.3f} 奈特。",
    "separation of the modes": "两个众数的间距",
    "Left: a two-mode p, its forward fit N({mu:.2f}, {sigma:.2f}²) spanning both modes, and the reverse fits from three starts: {reverse}. Right: D_KL(q‖p) against the mean of q; p has {modes} mode(s) and the starts find {optima} distinct optimum(s).": "左图：有两个众数的 p、横跨两个众数的前向拟合 N({mu:.2f}, {sigma:.2f}²)，以及从三个起点出发的反向拟合：{reverse}。右图：D_KL(q‖p) 随 q 的均值的变化；p 有 {modes} 个众数，三个起点找到了 {optima} 个不同的最优解。",
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # exercises/ex06.py
    "the loss is minus the log-softmax of the logits, read at the true class.": "损失等于 logits 的 log-softmax 在真实类别处的值取负。",
    "Correct: the negative log-likelihood of the true class.": "正确：这就是真实类别的负对数似然。",
    "Check the sign: a loss is a negative log-probability, so it is >= 0.": "检查符号：损失是负对数概率，所以它 >= 0。",
    "one term per latent dimension, ½(σ² + μ² − 1 − ln σ²); remember log_var is ln σ², and add the terms.": "每个隐变量维度一项，½(σ² + μ² − 1 − ln σ²)；注意 log_var 是 ln σ²，最后把各项相加。",
    "Correct: the sum of one closed-form KL per latent dimension.": "正确：每个隐变量维度有一个闭式 KL 项，答案是它们的和。",
    "That is the mean over the latent dimensions; a KL between two-dimensional Gaussians is their sum.": "这是对各隐变量维度取的平均；两个二维正态分布之间的 KL 散度是各维的项之和。",
    "form m = (p + q)/2 first; both KL terms against m are finite. Use log base 2.": "先求出 m = (p + q)/2；相对于 m 的两个 KL 项都是有限的。对数以 2 为底。",
    "Correct: finite although D_KL(p‖q) is infinite here.": "正确：尽管这里 D_KL(p‖q) 为无穷大，它仍是有限的。",
    "Right value in nats; the question asks for bits.": "以奈特计，这个值是对的；但题目要的是比特。",
    # multivariate.py: the error §2 shows
    "{name} is not positive definite (smallest eigenvalue {smallest:.3g}); a covariance matrix needs every eigenvalue > 0. Check for a zero variance, a duplicated variable, or a correlation outside (-1, 1)": "{name} 不是正定矩阵（最小特征值为 {smallest:.3g}）；协方差矩阵的每个特征值都必须 > 0。请检查是否有方差为零、变量重复，或相关系数落在 (-1, 1) 之外",
    # figures/practice.py and panels/practice.py
    "For one observation x = {x:g}: the log-evidence ln q_θ(x) = {log_evidence:.3f} nats as a flat line, and the ELBO of each guess r(z = 1) from 0 to 1 as a curve below it; the shaded gap is D_KL(r‖q_θ(z | x)), zero only at the posterior r(z = 1) = {post:.3f}.": "对一个观测 x = {x:g}：水平线是对数证据 ln q_θ(x) = {log_evidence:.3f} 奈特，其下方的曲线是每个猜测 r(z = 1)（从 0 到 1）的 ELBO；阴影部分的差距是 D_KL(r‖q_θ(z | x))，只在后验 r(z = 1) = {post:.3f} 处为零。",
    "Left: p and q on 25 outcomes, q shifted by {shift:.2f}. Middle: D_KL(p‖q), D_KL(q‖p) and Jensen–Shannon against the shift. Here D_KL(p‖q) = {forward:.3f}, D_KL(q‖p) = {reverse:.3f} and JS = {js:.3f} nats, below ln 2.": "左图：25 个结果上的 p 与 q，q 平移了 {shift:.2f}。中图：D_KL(p‖q)、D_KL(q‖p) 与 JS 散度随平移量的变化。此时 D_KL(p‖q) = {forward:.3f}，D_KL(q‖p) = {reverse:.3f}，JS = {js:.3f}（单位均为奈特），JS 低于 ln 2。",
    "shift of q": "q 的平移量",
    "width of q": "q 的宽度",
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
    # --- exercises/ex07.py -------------------------------------------------------------------------
    "the evidence needed is ln(1/α) nats; each flip from p brings D_KL(p‖q) nats on average. Compute D_KL for the two coins in nats, then divide.": "所需的证据是 ln(1/α) 奈特；来自 p 的每次抛掷平均带来 D_KL(p‖q) 奈特。先以奈特为单位算出这两枚硬币的 D_KL，再相除。",
    "Correct: about thirty flips, and a thousand times smaller α would only double it.": "正确：大约三十次抛掷；把 α 再缩小一千倍，次数也只会翻一番。",
    "That uses D_KL(q‖p). The data come from p, so the evidence per flip is D_KL(p‖q).": "这用的是 D_KL(q‖p)。数据来自 p，所以每次抛掷的证据是 D_KL(p‖q)。",
    "Mixed units: log2(1/α) (bits) over D_KL in nats. Use natural logarithms for both.": "单位混用了：分子是以比特计的 log2(1/α)，分母是以奈特计的 D_KL。两者都要用自然对数。",
    "Divide the evidence needed by the evidence per flip (not multiply).": "应当用所需的证据除以每次抛掷的证据（而不是相乘）。",
    "compare the table with the product of its row and column sums: I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))].": "把这张表与它的行和、列和之积相比较：I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))]。",
    "Correct: carrying an umbrella says a fair amount about the rain, in bits.": "正确：以比特计，带不带伞透露了关于是否下雨的相当多的信息。",
    "average, over q's words, the length of p's code minus the length of q's own code (lengths are -log2 of the probabilities).": "对 q 的词取平均：p 的编码的码长减去 q 自己的编码的码长（码长是概率的 -log2）。",
    "Correct: less than the 0.625 bits of the other direction; KL is not symmetric.": "正确：比另一个方向的 0.625 比特少；KL 散度不对称。",
    "That is D_KL(p‖q): p's words with q's code. Here the words come from q.": "这是 D_KL(p‖q)：用 q 的编码发送 p 的词。本题中的词来自 q。",
    "That is the whole average length with p's code; subtract what q's own code needs.": "这是用 p 的编码时的全部平均码长；还要减去 q 自己的编码所需的码长。",
    # --- figures/how_big.py (text alternatives and captions) ---------------------------------------
    "bits": "比特",
    "nats": "奈特",
    "Four panels of rectangles, one per word ({words}): width = how often the word is sent, height = its code length in {unit}, so each panel's area is the average length. p's words: {pp:.2f} {unit} with p's code, {pq:.2f} with q's code, extra D_KL(p‖q) = {d_pq:.3f}. q's words: {qq:.2f} with q's code, {qp:.2f} with p's code, extra D_KL(q‖p) = {d_qp:.3f}.": "四幅由矩形组成的图，每个词一个矩形（{words}）：宽度是该词被发送的频率，高度是它以{unit}计的码长，因此每幅图的面积就是平均码长。p 的词：用 p 的编码为 {pp:.2f} {unit}，用 q 的编码为 {pq:.2f}，多出 D_KL(p‖q) = {d_pq:.3f}。q 的词：用 q 的编码为 {qq:.2f}，用 p 的编码为 {qp:.2f}，多出 D_KL(q‖p) = {d_qp:.3f}。",
    "Running sums of the log-likelihood ratio ln p/q over {flips} flips of a coin with heads probability {theta_p:g} (p) against one with {theta_q:g} (q), for {runs} runs: the runs wander but climb, and their average ({final:.1f} nats after {flips} flips) follows the line N·D_KL(p‖q) with slope {d_pq:.3f} nats per flip.": "把正面概率为 {theta_p:g} 的硬币 (p) 抛 {flips} 次，对照正面概率为 {theta_q:g} 的硬币 (q)，画出对数似然比 ln p/q 的累积和，共 {runs} 轮：各轮来回摆动但总体上升，它们的平均（抛 {flips} 次后为 {final:.1f} 奈特）沿着直线 N·D_KL(p‖q) 增长，斜率为每次抛掷 {d_pq:.3f} 奈特。",
    "(1/N) ln β_N against N from {low:g} to {high:g} (log scale) for the count test at level {epsilon:g}: accepting p wrongly approaches −D_KL(p‖q) = {limit_pq:.3f}, reaching {end_pq:.3f}; with the roles swapped it approaches −D_KL(q‖p) = {limit_qp:.3f}, reaching {end_qp:.3f}. Both start far above their limits at small N.": "水平为 {epsilon:g} 的计数检验的 (1/N) ln β_N 随 N 的变化，N 从 {low:g} 到 {high:g}（对数刻度）：错误接受 p 的曲线趋近 −D_KL(p‖q) = {limit_pq:.3f}，最后达到 {end_pq:.3f}；角色互换后趋近 −D_KL(q‖p) = {limit_qp:.3f}，最后达到 {end_qp:.3f}。N 较小时，两条曲线都远高于各自的极限。",
    "Left: {shown} runs of summed evidence ln p/q, each stopping at the first crossing of {upper:.2f} (choose p) or {lower:.2f} (choose q). Right: histogram of the samples used by {runs:,} runs: mean {mean:.1f}, Wald's approximation {wald:.1f}; {chose_q:.2%} of the runs chose q.": "左图：{shown} 轮累积证据 ln p/q，每轮在首次越过 {upper:.2f}（选择 p）或 {lower:.2f}（选择 q）时停止。右图：{runs:,} 轮所用样本数的直方图：均值 {mean:.1f}，Wald 近似 {wald:.1f}；{chose_q:.2%} 的轮次选择了 q。",
    "Left: surprises in bits of event A (P = {pa:g}, {sa:.2f} bits), event B (P = {pb:g}, {sb:.2f} bits) and both together (P = {pab:g}), whose bar is the two stacked: {sab:.2f} bits. Right: the same three surprises in bits, nats and bans; each base scales all bars by one factor.": "左图：以比特计的惊奇度：事件 A（P = {pa:g}，{sa:.2f} 比特）、事件 B（P = {pb:g}，{sb:.2f} 比特）以及两者同时发生（P = {pab:g}），最后这根柱形由前两根叠成：{sab:.2f} 比特。右图：同样三个惊奇度，分别以比特、奈特和哈特莱计；换底只是把所有柱形按同一个因子缩放。",
    "Two {rows} by {cols} tables with each cell's probability written in it: the joint distribution {joint} and the product of its marginals {product}. Their KL divergence, the mutual information, is {info:.4f} nats.": "两张 {rows} × {cols} 的表，每个格子里写着它的概率：联合分布 {joint}，以及它的边缘分布之积 {product}。两者之间的 KL 散度即互信息，为 {info:.4f} 奈特。",
    "{pairs} pairs of distributions on {k} outcomes, p as solid bars and q as hatched bars, with D_KL(p‖q) = {values} nats: the bars look alike at the smallest value and q nearly vanishes where p has mass at the largest.": "{k} 个结果上的 {pairs} 对分布，p 为实心柱形，q 为斜线柱形，D_KL(p‖q) 依次为 {values} 奈特：在最小的值处两组柱形看起来差不多；在最大的值处，凡是 p 有概率质量的地方 q 都几乎为零。",
    # --- panels/how_big.py and guessing.py: the guess-the-KL game --------------------------------
    "your guess: {guess:g} nats": "你的猜测：{guess:g} 奈特",
    "Reveal": "揭晓",
    "lock your guess and show the true value": "锁定你的猜测并显示真实值",
    "Next round": "下一轮",
    "a new pair of distributions": "换一对新的分布",
    "your guess = {guess:g} nats": "你的猜测 = {guess:g} 奈特",
    "the true D_KL(p‖q) = {truth:.4f} nats is marked beside it, {error:.2f} decades away": "旁边标出了真实值 D_KL(p‖q) = {truth:.4f} 奈特，两者相差 {error:.2f} 个数量级",
    "the true value stays hidden until Reveal": "按下“揭晓”之前，真实值一直隐藏",
    "Round {round} of {rounds} of the guessing game. Bars of p = {p} and q = {q} on {k} outcomes; on a log scale of nats the guess {guess:g} is marked and {shown}. Score so far {score:.2f}.": "猜 KL 游戏第 {round} 轮（共 {rounds} 轮）。{k} 个结果上 p = {p} 与 q = {q} 的柱形；在以奈特为单位的对数刻度上标出了猜测值 {guess:g}，{shown}。目前总分 {score:.2f}。",
    "Round {round} of {rounds}: ": "第 {round} 轮（共 {rounds} 轮）：",
    "Score so far: {score:.2f} (lower is better).": "目前总分：{score:.2f}（越低越好）。",
    "pick your guess, then press Reveal. ": "选好你的猜测，然后按“揭晓”。",
    "you said {guess:g} nats, D_KL(p‖q) = {truth:.4f} nats: off by {error:.2f} decades. ": "你猜的是 {guess:g} 奈特，D_KL(p‖q) = {truth:.4f} 奈特：相差 {error:.2f} 个数量级。",
    "Game over: total {score:.2f}, {mean:.2f} decades per round (a factor of {factor:.1f}).": "游戏结束：总分 {score:.2f}，平均每轮相差 {mean:.2f} 个数量级（即相差 {factor:.1f} 倍）。",
    "this round is already revealed; call next_round() first": "这一轮已经揭晓；请先调用 next_round()",
    "reveal the current round before moving on": "请先揭晓当前这一轮，再进入下一轮",
    "that was the last round; start a new GuessGame to play again": "这已经是最后一轮；想再玩一局，请新建一个 GuessGame",
    # (end of 07)
    # === lesson 08 (KL as a loss): its checkers, figures, panels and the messages it shows ===
    # exercises/ex08.py
    "input is the model's log-probabilities and target the data, so each row gives D_KL(target‖model); 'batchmean' sums every term and divides by the batch size.": "input 是模型的对数概率，target 是数据，所以每一行给出 D_KL(target‖model)；'batchmean' 把所有项相加，再除以批大小。",
    "Correct: the mean over the batch of D_KL(p_b‖q_b).": "正确：这是 D_KL(p_b‖q_b) 在整个批次上的平均。",
    "That is reduction='mean': divided by the number of elements (batch × classes), not by the batch size.": "这是 reduction='mean' 的结果：除以的是元素个数（批大小 × 类别数），而不是批大小。",
    "That is reduction='sum'; 'batchmean' divides by the batch size.": "这是 reduction='sum' 的结果；'batchmean' 还要除以批大小。",
    "The direction is reversed: kl_div(input, target) computes D_KL(target‖model).": "方向反了：kl_div(input, target) 计算的是 D_KL(target‖model)。",
    "take E over q_θ of (1 − r)·∂ln q_θ/∂θ with r = p/q_θ; E_q[r·f] = E_p[f].": "在 q_θ 下对 (1 − r)·∂ln q_θ/∂θ 求期望，其中 r = p/q_θ；利用 E_q[r·f] = E_p[f]。",
    "Correct: the gradient of the forward KL D_KL(p‖q_θ), not of the reverse KL that k3 estimates.": "正确：这是前向 KL D_KL(p‖q_θ) 的梯度，而不是 k3 的值所估计的反向 KL 的梯度。",
    "That is the gradient of the reverse KL D_KL(q_θ‖p), the value k3 estimates; with the samples held fixed its gradient is another one.": "这是反向 KL D_KL(q_θ‖p) 的梯度，也就是 k3 的值所估计的量；把样本固定后求导，得到的是另一个梯度。",
    "That is the expected gradient of k1 used as a loss (the score has mean 0); k3 has an extra factor (1 − r).": "这是把 k1 用作损失时梯度的期望（得分函数的均值为 0）；k3 多了一个因子 (1 − r)。",
    "match quantiles: Y − X = 1 + (2 − 1)Z with Z ~ N(0, 1); W₁ = E|1 + Z|, the mean of a folded normal.": "按分位数配对：Y − X = 1 + (2 − 1)Z，其中 Z ~ N(0, 1)；W₁ = E|1 + Z|，即一个折叠正态分布的均值。",
    "Correct: E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2).": "正确：E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2)。",
    "That is the distance between the means, W₁ only for equal widths; here the widths differ.": "这是两个均值之间的距离，只有宽度相同时它才等于 W₁；这里宽度不同。",
    "That is W₂ = √((Δμ)² + (Δσ)²); W₁ averages |Y − X| instead of its square.": "这是 W₂ = √((Δμ)² + (Δσ)²)；W₁ 平均的是 |Y − X| 本身，而不是它的平方。",
    # gradients.py (recipe names) and figures/loss.py
    "as loss": "作为损失",
    "score-function": "得分函数",
    "reparameterised": "重参数化",
    "{estimator} {kind}, x ~ {source}": "{estimator} {kind}，x ~ {source}",
    "{label}: {mean:.2f}": "{label}：{mean:.2f}",
    "The Monte Carlo mean of {n} gradient recipes, each with ±2 standard errors, against the exact gradients of D_KL(q_θ‖p) = {reverse:.2f} and D_KL(p‖q_θ) = {forward:.2f} and zero. {summary}.": "{n} 种求梯度做法各自的蒙特卡洛均值（各带 ±2 个标准误），与精确梯度对照：D_KL(q_θ‖p) 的梯度 {reverse:.2f}，D_KL(p‖q_θ) 的梯度 {forward:.2f}，以及 0。{summary}。",
    "kNN estimates of D_KL from two samples against the sample size (log scale), {reps} repetitions per size and their mean ({means}), approaching the exact value {exact:.3f} nats.": "由两组样本得到的 D_KL 的 kNN 估计随样本量的变化（对数坐标）：每个样本量重复 {reps} 次，连同它们的平均（{means}），逐渐接近精确值 {exact:.3f} 奈特。",
    "The linear VAE's KL term at its optimum against the decoder noise variance σ²: the closed form ½ max(0, ln(v/σ²)) for data variance v = {v:g}, with gradient-ascent fits on it, falling to exactly 0 (posterior collapse) once σ² ≥ {v:g}.": "线性 VAE 在最优点处的 KL 项随解码器噪声方差 σ² 的变化：数据方差 v = {v:g} 时的闭式解 ½ max(0, ln(v/σ²))，梯度上升的拟合结果落在它上面；一旦 σ² ≥ {v:g}，它恰好降为 0（后验坍缩）。",
    # panels/loss.py
    "shift θ of q": "q 的平移量 θ",
    "width w of p and q": "p 与 q 的宽度 w",
    "{label} {value:.3f} (gradient {slope:.2g})": "{label} {value:.3f}（梯度 {slope:.2g}）",
    "Top left: p = N(0, {width:.2f}²) and the model q = N({shift:.2f}, {width:.2f}²). Top right: the key with the current values. Bottom left: four divergences against the shift; bottom right: the size of their gradients (log scale). Here {values}.": "左上：p = N(0, {width:.2f}²) 与模型 q = N({shift:.2f}, {width:.2f}²)。右上：图例与当前数值。左下：四种散度随平移量的变化；右下：它们梯度的大小（对数坐标）。当前取值：{values}。",
    # (end of 08)
}
