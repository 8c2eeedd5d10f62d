#pragma once

#include <cmath>

namespace activations::detail {

// Neumaier's compensated summation: the error of each addition is kept and added back at the end,
// so a sum of n positive terms is accurate to about one rounding instead of n.
class CompensatedSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    compensation_ += std::fabs(sum_) >= std::fabs(x) ? (sum_ - t) + x : (x - t) + sum_;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

}  // namespace activations::detail
