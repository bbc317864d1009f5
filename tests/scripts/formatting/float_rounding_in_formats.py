for v in [0.5, 1.5, 2.5, 2.675, 1.005, 0.125, 0.375]:
    print(v, f'{v:.0f}', f'{v:.2f}', '%.1f' % v, round(v, 1), round(v))
print(f'{1e16:.1f}', f'{123456789.987654321:.4f}')
print(f'{-0.0:.1f}', f'{0.0001:.2f}', f'{99.995:.2f}')
print(f'{float("inf"):.2f}', f'{float("nan"):f}')
