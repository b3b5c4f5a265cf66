//! Maximum-weight bipartite matching (the Hungarian method with potentials), used for every
//! choice of "who sits with whom" in the generator.

/// A dense table of edge weights: `None`, or a weight of zero or less, is no edge.
pub(crate) struct Weights {
    rows: usize,
    cols: usize,
    cells: Vec<Option<i128>>,
}

impl Weights {
    pub fn new(rows: usize, cols: usize) -> Self {
        Self {
            rows,
            cols,
            cells: vec![None; rows * cols],
        }
    }

    pub fn set(&mut self, row: usize, col: usize, weight: i128) {
        self.cells[row * self.cols + col] = Some(weight);
    }

    fn gain(&self, row: usize, col: usize) -> i128 {
        self.cells[row * self.cols + col].map_or(0, |w| w.max(0))
    }

    fn has_edge(&self, row: usize, col: usize) -> bool {
        self.cells[row * self.cols + col].is_some_and(|w| w > 0)
    }

    /// For each row the column it is matched with, so that the sum of weights is largest.
    /// Ties are broken the same way on every run.
    pub fn best_matching(&self) -> Vec<Option<usize>> {
        let mut by_row = vec![None; self.rows];
        if self.rows <= self.cols {
            let gains: Vec<i128> = (0..self.rows * self.cols)
                .map(|k| self.gain(k / self.cols, k % self.cols))
                .collect();
            for (row, col) in assign(self.rows, self.cols, &gains).into_iter().enumerate() {
                by_row[row] = Some(col).filter(|&c| self.has_edge(row, c));
            }
        } else {
            let gains: Vec<i128> = (0..self.rows * self.cols)
                .map(|k| self.gain(k % self.rows, k / self.rows))
                .collect();
            for (col, row) in assign(self.cols, self.rows, &gains).into_iter().enumerate() {
                if self.has_edge(row, col) {
                    by_row[row] = Some(col);
                }
            }
        }
        by_row
    }
}

/// Assigns each of `n` rows a distinct one of `m >= n` columns, maximising the total gain.
/// A row's column with zero gain stands for "unmatched": any partial matching extends to a
/// full assignment with the same total because there are at least as many columns as rows.
/// `gains[row * m + col]`.
fn assign(n: usize, m: usize, gains: &[i128]) -> Vec<usize> {
    const INF: i128 = i128::MAX / 4;
    // Potentials and matches are 1-based, with row/column 0 as the free end of a search.
    let mut u = vec![0i128; n + 1];
    let mut v = vec![0i128; m + 1];
    let mut row_of = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for row in 1..=n {
        row_of[0] = row;
        let mut col0 = 0;
        let mut min_to = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[col0] = true;
            let r0 = row_of[col0];
            let mut delta = INF;
            let mut col1 = 0;
            let row_gains = &gains[(r0 - 1) * m..r0 * m];
            for col in 1..=m {
                if used[col] {
                    continue;
                }
                let reduced = -row_gains[col - 1] - u[r0] - v[col];
                if reduced < min_to[col] {
                    min_to[col] = reduced;
                    way[col] = col0;
                }
                if min_to[col] < delta {
                    delta = min_to[col];
                    col1 = col;
                }
            }
            for col in 0..=m {
                if used[col] {
                    u[row_of[col]] += delta;
                    v[col] -= delta;
                } else {
                    min_to[col] -= delta;
                }
            }
            col0 = col1;
            if row_of[col0] == 0 {
                break;
            }
        }
        loop {
            let prev = way[col0];
            row_of[col0] = row_of[prev];
            col0 = prev;
            if col0 == 0 {
                break;
            }
        }
    }
    let mut col_of = vec![0usize; n];
    for col in 1..=m {
        if row_of[col] != 0 {
            col_of[row_of[col] - 1] = col - 1;
        }
    }
    col_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(w: &Weights, m: &[Option<usize>]) -> i128 {
        m.iter()
            .enumerate()
            .filter_map(|(r, c)| c.map(|c| w.gain(r, c)))
            .sum()
    }

    /// Every matching by brute force, to compare the best total.
    fn best_total(w: &Weights, row: usize, used: &mut Vec<bool>) -> i128 {
        if row == w.rows {
            return 0;
        }
        let mut best = best_total(w, row + 1, used);
        for c in 0..w.cols {
            if !used[c] && w.has_edge(row, c) {
                used[c] = true;
                best = best.max(w.gain(row, c) + best_total(w, row + 1, used));
                used[c] = false;
            }
        }
        best
    }

    #[test]
    fn finds_the_best_total_on_many_small_tables() {
        let mut seed = 7u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..300 {
            let rows = (next() % 6) as usize + 1;
            let cols = (next() % 6) as usize + 1;
            let mut w = Weights::new(rows, cols);
            for r in 0..rows {
                for c in 0..cols {
                    if next() % 3 != 0 {
                        w.set(r, c, (next() % 20) as i128 - 3);
                    }
                }
            }
            let m = w.best_matching();
            let mut seen = vec![false; cols];
            for (r, c) in m.iter().enumerate() {
                if let Some(c) = *c {
                    assert!(w.has_edge(r, c));
                    assert!(!seen[c], "column {c} used twice");
                    seen[c] = true;
                }
            }
            assert_eq!(total(&w, &m), best_total(&w, 0, &mut vec![false; cols]));
        }
    }

    #[test]
    fn rows_without_edges_stay_unmatched() {
        let mut w = Weights::new(3, 2);
        w.set(0, 0, 5);
        w.set(2, 0, 9);
        w.set(2, 1, 1);
        assert_eq!(w.best_matching(), vec![None, None, Some(0)]);
    }
}
