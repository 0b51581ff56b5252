//! Communities by Louvain modularity, deterministic.

use std::collections::BTreeMap;

/// Louvain modularity communities: nodes move to the neighbouring community
/// that raises modularity most, then communities merge into nodes and the
/// moves repeat. Nodes are visited in sorted order and ties go to the lowest
/// community, so the same graph gives the same communities. Returns groups
/// of two or more, largest first.
pub(crate) fn louvain<'a>(
    nodes: impl Iterator<Item = &'a str>,
    weights: &BTreeMap<(&'a str, &'a str), usize>,
) -> Vec<Vec<&'a str>> {
    let ids: Vec<&str> = nodes.collect();
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Symmetric weights; a self-loop holds twice its weight, so a row sums to the degree.
    let mut adj: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); ids.len()];
    for ((a, b), w) in weights {
        let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) else {
            continue;
        };
        *adj[i].entry(j).or_default() += *w as f64;
        *adj[j].entry(i).or_default() += *w as f64;
    }
    // member[i]: the aggregated node that original node i is in.
    let mut member: Vec<usize> = (0..ids.len()).collect();
    loop {
        let n = adj.len();
        let degree: Vec<f64> = adj.iter().map(|row| row.values().sum()).collect();
        let m2: f64 = degree.iter().sum();
        if m2 == 0.0 {
            break;
        }
        let mut community: Vec<usize> = (0..n).collect();
        let mut total: Vec<f64> = degree.clone();
        let mut moved_any = false;
        for _ in 0..100 {
            let mut moved = false;
            for i in 0..n {
                let own = community[i];
                total[own] -= degree[i];
                let mut links: BTreeMap<usize, f64> = BTreeMap::new();
                for (&j, &w) in &adj[i] {
                    if j != i {
                        *links.entry(community[j]).or_default() += w;
                    }
                }
                let gain = |c: usize, k_in: f64| k_in - total[c] * degree[i] / m2;
                let mut best = (own, gain(own, links.get(&own).copied().unwrap_or(0.0)));
                for (&c, &k_in) in &links {
                    let g = gain(c, k_in);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                total[best.0] += degree[i];
                if best.0 != own {
                    community[i] = best.0;
                    moved = true;
                    moved_any = true;
                }
            }
            if !moved {
                break;
            }
        }
        if !moved_any {
            break;
        }
        // The next pass moves whole communities: each becomes one node.
        let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
        for &c in &community {
            let next = renumber.len();
            renumber.entry(c).or_insert(next);
        }
        let mut merged: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); renumber.len()];
        for (i, row) in adj.iter().enumerate() {
            for (&j, &w) in row {
                *merged[renumber[&community[i]]]
                    .entry(renumber[&community[j]])
                    .or_default() += w;
            }
        }
        for m in member.iter_mut() {
            *m = renumber[&community[*m]];
        }
        adj = merged;
    }
    let mut groups: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        groups.entry(member[i]).or_default().push(id);
    }
    let mut out: Vec<Vec<&str>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pair;

    #[test]
    fn louvain_splits_two_blocs_joined_by_one_tie() {
        let w = |pairs: &[(&'static str, &'static str, usize)]| {
            pairs
                .iter()
                .map(|(a, b, n)| (pair(a, b), *n))
                .collect::<BTreeMap<_, _>>()
        };
        let weights = w(&[
            ("a", "b", 3),
            ("b", "c", 3),
            ("a", "c", 3),
            ("x", "y", 3),
            ("y", "z", 3),
            ("x", "z", 3),
            ("c", "x", 1),
        ]);
        let nodes = ["a", "b", "c", "x", "y", "z", "lonely"];
        let groups = louvain(nodes.iter().copied(), &weights);
        assert_eq!(groups, vec![vec!["a", "b", "c"], vec!["x", "y", "z"]]);
    }
}
