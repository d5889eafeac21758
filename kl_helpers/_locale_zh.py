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
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
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
    "; ": "；",  # between the recipes of the gradient figure's text alternative
    "The Monte Carlo mean of {n} gradient recipes, each with ±2 standard errors, against the exact gradients of D_KL(q_θ‖p) = {reverse:.2f} and D_KL(p‖q_θ) = {forward:.2f} and zero. {summary}.": "{n} 种求梯度做法各自的蒙特卡洛均值（各带 ±2 个标准误），与精确梯度对照：D_KL(q_θ‖p) 的梯度 {reverse:.2f}，D_KL(p‖q_θ) 的梯度 {forward:.2f}，以及 0。{summary}。",
    "kNN estimates of D_KL from two samples against the sample size (log scale), {reps} repetitions per size and their mean ({means}), approaching the exact value {exact:.3f} nats.": "由两组样本得到的 D_KL 的 kNN 估计随样本量的变化（对数坐标）：每个样本量重复 {reps} 次，连同它们的平均（{means}），逐渐接近精确值 {exact:.3f} 奈特。",
    "The linear VAE's KL term at its optimum against the decoder noise variance σ²: the closed form ½ max(0, ln(v/σ²)) for data variance v = {v:g}, with gradient-ascent fits on it, falling to exactly 0 (posterior collapse) once σ² ≥ {v:g}.": "线性 VAE 在最优点处的 KL 项随解码器噪声方差 σ² 的变化：数据方差 v = {v:g} 时的闭式解 ½ max(0, ln(v/σ²))，梯度上升的拟合结果落在它上面；一旦 σ² ≥ {v:g}，它恰好降为 0（后验坍缩）。",
    # panels/loss.py
    "shift θ of q": "q 的平移量 θ",
    "width w of p and q": "p 与 q 的宽度 w",
    "{label} {value:.3f} (gradient {slope:.2g})": "{label} {value:.3f}（梯度 {slope:.2g}）",
    "Left: p = N(0, {width:.2f}²) and the model q = N({shift:.2f}, {width:.2f}²). Middle and right: four divergences and the size of their gradients against the shift (log scale). Here {values}.": "左图：p = N(0, {width:.2f}²) 与模型 q = N({shift:.2f}, {width:.2f}²)。中图和右图：四种散度及其梯度的大小随平移量的变化（对数坐标）。当前取值：{values}。",
    # (end of 08)
}
