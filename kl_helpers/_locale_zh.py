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
    # (end of 00)
    # === lesson 02 (decomposition): its checkers, figures, panels and the messages it shows ===
    # (end of 02)
    # === lesson 03 (sample approximation): its checkers, figures, panels and the messages it shows ===
    # (end of 03)
    # === lesson 04 (MLE equivalence): its checkers, figures, panels and the messages it shows ===
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
    "Left: a two-mode p, its best normal approximation q* = N({mu:.2f}, {sigma:.2f}²) and the normal MLE from {n:,} points, close to q*. Right: the average negative log-likelihood at the MLE against N (log scale), approaching H(p, q*) = {cross:.3f} nats, which stays above H(p) = {entropy:.3f} nats by D_KL(p‖q*) = {gap:.3f}.": "左图：有两个众数的 p、它的最佳正态近似 q* = N({mu:.2f}, {sigma:.2f}²)，以及由 {n:,} 个点得到的正态极大似然估计，它与 q* 很接近。右图：极大似然估计处的平均负对数似然随 N 的变化（对数坐标），它趋于 H(p, q*) = {cross:.3f} 奈特；后者始终比 H(p) = {entropy:.3f} 奈特高出 D_KL(p‖q*) = {gap:.3f}。",
    "separation of the modes": "两个众数的间距",
    "Left: a two-mode p, its forward fit N({mu:.2f}, {sigma:.2f}²) spanning both modes, and the reverse fits from three starts: {reverse}. Right: D_KL(q‖p) against the mean of q; p has {modes} mode(s) and the starts find {optima} distinct optimum(s).": "左图：有两个众数的 p、横跨两个众数的前向拟合 N({mu:.2f}, {sigma:.2f}²)，以及从三个起点出发的反向拟合：{reverse}。右图：D_KL(q‖p) 随 q 的均值的变化；p 有 {modes} 个众数，三个起点找到了 {optima} 个不同的最优解。",
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
    # (end of 07)
    # === lesson 08 (KL as a loss): its checkers, figures, panels and the messages it shows ===
    # (end of 08)
}
