raise TimeoutError('operation timed out')
