package main

// Mutations of the third built-in scenario in the fields of the second
// authoring pass (issue 15): payoffs, running totals, per-actor noise,
// joint decisions, values in text, the map box, levels and budgets from
// the state, costs read on the state, a check's difficulty and outcomes expected to be rare.

const hormuz = "hormuz-2019"

func init() {
	corpus = append(corpus, []mutation{
		{"payoff-actor", cNames, hormuz, []edit{rep(`score: {us: -30, iran: -40`, `score: {us: -30, ‸irna: -40`)}, []string{`unknown actor "irna" in the score of outcome "war"`, mean("iran")}},
		{"payoff-not-number", cTypes, hormuz, []edit{rep(`score: {us: 5, iran: -15`, `score: {us: 5, iran: ‸lots`)}, []string{`score\.iran must be a number, found "lots"`}},
		{"accumulate-not-bool", cTypes, hormuz, []edit{rep(`score: "iran.exports", accumulate: true`, `score: "iran.exports", accumulate: ‸yes please`)}, []string{`accumulate must be true or false`}},
		{"seen-by-name", cNames, hormuz, []edit{rep(`seen_by: {us: "0.3 / (1 + 2 * us.isr)"`, `seen_by: {us: "0.3 / (1 + 2 * ‸us.irs)"`)}, []string{`unknown name "us.irs"`, mean("us.isr")}},
		{"seen-by-visible", cValues, hormuz, []edit{rep(`saudi: 0.2}`, `saudi: 0.2, ‸iran: 0.1}`)}, []string{`actor "iran" is in 'visible'`}},
		{"seen-by-negative", cConst, hormuz, []edit{rep(`e3: 15}`, `e3: ‸-15}`)}, []string{`noise must not be negative, found -15`}},
		{"seen-by-actor", cNames, hormuz, []edit{rep(`e3: 15}`, `e3: 15, ‸france: 3}`)}, []string{`unknown actor "france" in seen_by`}},
		{"joint-self", cValues, hormuz, []edit{rep(`      with: [iran]`, `      with: [‸us]`)}, []string{`actor "us" decides the choice`}},
		{"joint-unknown", cNames, hormuz, []edit{rep(`      with: [iran]`, `      with: [‸irn]`)}, []string{`unknown actor "irn"`, mean("iran")}},
		{"text-variable", cNames, hormuz, []edit{rep(`Readiness for talks stands at {talks}.`, `Readiness for talks stands at ‸{talk}.`)}, []string{`unknown variable "talk" in \{talk\}`, mean("talks")}},
		{"text-lever", cNames, hormuz, []edit{rep(`Iran sells about {iran.exports} a day.`, `Iran sells about ‸{us.sanctions} a day.`)}, []string{`it is a lever; only variables can be shown in text`}},
		{"map-order", cValues, hormuz, []edit{rep(`  map: [32, 10, 64, 38]`, `  map: ‸[64, 10, 32, 38]`)}, []string{`west below east`}},
		{"map-short", cValues, hormuz, []edit{rep(`  map: [32, 10, 64, 38]`, `  map: ‸[32, 10, 64]`)}, []string{`found 3 numbers`}},
		{"check-difficulty", cNames, hormuz, []edit{repN(`    difficulty: normal`, 1, `    difficulty: ‸nromal`)}, []string{`difficulty must be easy, normal or hard`, mean("normal")}},
		{"expected-word", cNames, hormuz, []edit{rep(`    expected: rare
    when: "hormuz.risk >= 80"`, `    expected: ‸seldom
    when: "hormuz.risk >= 80"`)}, []string{`expected must be 'rare'`}},
		{"level-requires-level", cNames, hormuz, []edit{rep(`    requires: "hormuz.risk >= 55"`, `    level_requires: {‸strkie: "hormuz.risk >= 55"}`)}, []string{`lever "us.strike" has no level "strkie"`, mean("strike")}},
		{"budget-formula-name", cNames, hormuz, []edit{rep(`budget_formula: "2 + talks / 30"`, `budget_formula: "2 + ‸talk / 30"`)}, []string{`unknown name "talk"`, mean("talks")}},
		{"cost-name", cNames, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: [0, 1, "2 + (‸hormuz.rsk - 40) / 30"]`)}, []string{`unknown name "hormuz.rsk"`, mean("hormuz.risk")}},
		{"cost-condition", cTypes, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: [0, 1, "‸hormuz.risk >= 40"]`)}, []string{`expression is a condition, want a number`}},
		{"cost-first-level", cValues, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: ["‸hormuz.risk / 50", 1, 2]`)}, []string{`the first level's cost must be a number`}},
		{"cost-estimate", cValues, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: [0, 1, "‸2 + iran.stockpile / 200"]`)}, []string{`reads "iran.stockpile", which actor "us" sees only as an estimate`}},
		{"cost-negative-constant", cConst, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: [0, 1, "‸1 - 2"]`)}, []string{`cost must not be negative`}},
		{"cost-below-zero", cPlay, hormuz, []edit{rep(`cost: [0, 1, "2 + (hormuz.risk - 40) / 30"]`, `cost: [0, 1, "‸(hormuz.risk - 60) / 30"]`)}, []string{`the cost of level "convoy" of lever "us.escort" is -0.[0-9]+, below 0: a cost must not be negative`}},
		{"level-requires-name", cNames, hormuz, []edit{rep(`level_requires: {convoy: "hormuz.risk >= 40"}`, `level_requires: {convoy: "‸hormuz.rsk >= 40"}`)}, []string{`unknown name "hormuz.rsk"`, mean("hormuz.risk")}},
	}...)
}
